import '../testing/dom-stubs.js';
import type { ApprovalNode, FlowDefinition } from '@bankforge/flow-engine';
import { loanApprovalFlow } from '@bankforge/example-bank-crm';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { FlowVersions } from './FlowVersions.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const BASE = '/api/artifacts/flow/loan_approval';
const v1: FlowDefinition = { ...structuredClone(loanApprovalFlow), version: 1 };
const v2: FlowDefinition = { ...structuredClone(loanApprovalFlow), version: 2 };
(v2.nodes.find((n) => n.id === 'branchManagerApproval') as ApprovalNode).mode = 'all';
v2.nodes = v2.nodes.filter((n) => n.id !== 'committeeApproval');
v2.edges = v2.edges.filter((e) => e.source !== 'committeeApproval' && e.target !== 'committeeApproval');

function renderVersions() {
  const server = fakeApi({
    [`GET ${BASE}/versions`]: {
      body: [
        { version: 1, publishedAt: '2026-01-05T08:00:00.000Z', publishedBy: 'u-1', publisher: { name: 'Administrator', username: 'admin' } },
        { version: 2, publishedAt: '2026-02-05T08:00:00.000Z', publishedBy: 'u-2', publisher: { name: '黄磊', username: 'huang_lei' } },
      ],
    },
    [`GET ${BASE}?version=1`]: { body: { document: v1 } },
    [`GET ${BASE}?version=2`]: { body: { document: v2 } },
    [`GET ${BASE}/versions/1/diff/2`]: {
      body: {
        from: 1,
        to: 2,
        changes: [
          { op: 'replace', path: '/nodes/6/mode', element: { type: 'step', id: 'branchManagerApproval', label: { en: 'Branch manager approval', 'zh-CN': '支行行长审批' } }, property: 'mode', from: 'single', value: 'all' },
          { op: 'remove', path: '/nodes/8', element: { type: 'step', id: 'committeeApproval', label: { en: 'Credit committee', 'zh-CN': '贷审会' } }, from: {} },
          { op: 'remove', path: '/edges/4', element: { type: 'connection', id: 'largeLoan', label: { en: 'Above 5,000,000' } }, from: {} },
        ],
      },
    },
  });
  const update = vi.fn();
  render(
    <ApiClientProvider client={server.client}>
      <FlowVersions editor={{ document: v2, latestVersion: 2, update }} language="en" />
    </ApiClientProvider>,
  );
  return { server, update, user: userEvent.setup() };
}

describe('FlowVersions', () => {
  it('draws two versions on one read-only canvas: the changed step with what changed, the removed step and its paths, in words as well as colour', async () => {
    const { user } = renderVersions();
    await screen.findAllByRole('row');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const canvas = await screen.findByRole('region', { name: 'Changes from v1 to v2 on the flow diagram' });
    // Drawn once the steps are laid out (the example has no places of its own).
    const manager = await within(canvas).findByRole('img', { name: /^Approval: Branch manager approval, Changed/ }, { timeout: 15_000 });
    expect(manager.getAttribute('aria-label')).toBe('Approval: Branch manager approval, Changed: mode: single → all');
    expect(manager.classList.contains('flow-diff--changed')).toBe(true);
    expect(manager.textContent).toContain('mode: single → all');
    const committee = within(canvas).getByRole('img', { name: /Credit committee/ });
    expect(committee.classList.contains('flow-diff--removed')).toBe(true);
    expect(within(canvas).getByRole('img', { name: 'Start: Application submitted, Unchanged' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toBe('AddedRemovedChanged');
    // The list under the drawing says every change.
    const list = screen.getByRole('region', { name: 'Changes from v1 to v2' });
    expect(within(list).getByText("Step 'Credit committee'")).toBeTruthy();
  });

  it('restores a version as the draft through the editor, one undoable step', async () => {
    const { update, user } = renderVersions();
    await screen.findAllByRole('row');
    await user.click(screen.getByRole('button', { name: 'Restore version 1 as the draft' }));
    await user.click(screen.getByRole('button', { name: 'Restore version 1' }));
    expect(update).toHaveBeenCalledTimes(1);
    const recipe = update.mock.calls[0]![0] as (draft: FlowDefinition) => FlowDefinition;
    const { version: _version, ...draft } = v1;
    expect(recipe(v2)).toEqual(draft);
  });
});
