import '../testing/dom-stubs.js';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@bankforge/app-shell/testing';
import { FeelEditorModeContext } from '../../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../../shell/testing/i18n.js';
import FlowDesigner from '../FlowDesigner.js';
import { loanApprovalServer } from '../testing/loan-approval-server.js';

beforeAll(() => initTestI18n('en'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const UNSUPPORTED = `<definitions xmlns="${BPMN}" id="d" targetNamespace="t">
  <process id="p">
    <startEvent id="s" />
    <eventBasedGateway id="wait" />
    <receiveTask id="r" />
    <endEvent id="e" />
    <sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
  </process>
</definitions>`;
const REVIEW = `<definitions xmlns="${BPMN}" id="d" targetNamespace="t">
  <process id="Review">
    <startEvent id="s" name="Received" />
    <userTask id="check" name="Check documents" />
    <endEvent id="e" name="Done" />
    <sequenceFlow id="f1" sourceRef="s" targetRef="check" />
    <sequenceFlow id="f2" sourceRef="check" targetRef="e" />
  </process>
</definitions>`;

async function openImport() {
  const server = loanApprovalServer();
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <FlowDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path: '/flow/loan_approval', pattern: '/flow/:key' },
  );
  const user = userEvent.setup();
  await screen.findByRole('heading', { name: 'Flow: Loan approval' });
  await user.click(screen.getByRole('button', { name: 'Import BPMN…' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Import BPMN 2.0' }) };
}

const file = (xml: string, name: string) => new File([xml], name, { type: 'application/xml' });

describe('BPMN import and export', () => {
  it('lists every element the engine cannot take and does not offer to replace the draft', async () => {
    const { user, dialog } = await openImport();
    await user.upload(within(dialog).getByLabelText('BPMN file'), file(UNSUPPORTED, 'gateway.bpmn'));
    expect(await within(dialog).findByText('gateway.bpmn cannot be imported as it is.')).toBeTruthy();
    expect(within(dialog).getByRole('heading', { name: '2 elements have no counterpart here' })).toBeTruthy();
    expect(within(dialog).getByText('eventBasedGateway (wait)')).toBeTruthy();
    expect(within(dialog).getByText('receiveTask (r)')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Replace the draft' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('replaces the draft after confirming, laid out, and undo brings the draft back', async () => {
    const { user, dialog } = await openImport();
    await user.upload(within(dialog).getByLabelText('BPMN file'), file(REVIEW, 'review.bpmn'));
    expect(await within(dialog).findByText('review.bpmn: 3 steps can be imported.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Replace the draft' }));
    expect(await screen.findByRole('button', { name: /^Approval: Check documents/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approval: Credit officer review/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'from Received to Check documents' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: /^Approval: Credit officer review/ })).toBeTruthy();
  });

  it('exports the draft as a BPMN file named after the flow', async () => {
    const { user } = await openImport();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    let exported: Blob | undefined;
    const created = vi.fn((blob: Blob) => {
      exported = blob;
      return 'blob:flow';
    });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => undefined });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('loan_approval.bpmn');
    });
    await user.click(screen.getByRole('button', { name: 'Export BPMN' }));
    expect(click).toHaveBeenCalledOnce();
    await waitFor(() => expect(exported).toBeDefined());
    const xml = await exported!.text();
    expect(xml).toContain('BPMN/20100524/MODEL');
    expect(xml).toContain('Credit officer review');
  });
});
