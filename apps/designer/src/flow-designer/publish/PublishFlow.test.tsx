import '../testing/dom-stubs.js';
import type { CaseMigrationPreview } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problem, renderPage } from '@bankforge/app-shell/testing';
import { FeelEditorModeContext } from '../../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../../shell/testing/i18n.js';
import FlowDesigner from '../FlowDesigner.js';
import { loanApprovalServer } from '../testing/loan-approval-server.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const PREVIEW = 'POST /api/flows/loan_approval/migration-preview';
const preview: CaseMigrationPreview = {
  flowKey: 'loan_approval',
  toVersion: 3,
  draft: true,
  running: 14,
  movable: 12,
  byVersion: [
    { version: 1, running: 4, movable: 4 },
    { version: 2, running: 10, movable: 8 },
  ],
  unmovable: [
    {
      id: '01930000-aaaa-7000-8000-000000000001',
      fromVersion: 2,
      recordTitle: 'LA900000000002',
      reasons: [{ code: 'removedStep', nodeId: 'branchManagerApproval', nodeName: { en: 'Branch manager approval', 'zh-CN': '支行行长审批' }, text: { en: 'It waits at "Branch manager approval", which version 3 removes.', 'zh-CN': '它正在等待的步骤“支行行长审批”在第 3 版中已删除。' } }] },
    { id: '01930000-bbbb-7000-8000-000000000002', fromVersion: 2, reasons: [{ code: 'removedStep', text: { en: 'It waits at "Branch manager approval", which version 3 removes.', 'zh-CN': '它正在等待的步骤“支行行长审批”在第 3 版中已删除。' } }] },
  ],
};

function openDesigner(routes: Parameters<typeof loanApprovalServer>[0]) {
  const server = loanApprovalServer({ 'POST /api/artifacts/flow/loan_approval/publish': { body: { kind: 'flow', key: 'loan_approval', version: 3, unchanged: false } }, ...routes });
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <FlowDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path: '/flow/loan_approval', pattern: '/flow/:key' },
  );
  return { server, user: userEvent.setup() };
}
const calls = (server: ReturnType<typeof loanApprovalServer>) => server.requests.map((r) => `${r.method} ${r.url}`).filter((c) => !c.startsWith('GET'));

describe('publishing a flow over running cases', () => {
  it('shows what happens to the running cases, and moves the movable ones once published', async () => {
    const { server, user } = openDesigner({
      [PREVIEW]: { body: preview },
      'POST /api/flows/loan_approval/migrations': { body: { flowKey: 'loan_approval', toVersion: 3, moved: Array.from({ length: 12 }, (_, i) => `c${i}`), notMoved: 2, unmovable: preview.unmovable } },
    });
    await screen.findByRole('heading', { name: 'Flow: Loan approval' });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish Loan approval' });
    expect(within(dialog).getByText('Publishing makes version 3.')).toBeTruthy();
    expect(within(dialog).getByText(/14 cases are running on earlier versions\. \(4 on v1, 10 on v2\)/)).toBeTruthy();
    expect(within(dialog).getByText('12 running cases can move to v3.')).toBeTruthy();
    expect(within(dialog).getByText('2 cannot:')).toBeTruthy();
    expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'LA900000000002 (case 01930000) on v2: It waits at "Branch manager approval", which version 3 removes.',
      'Case 01930000 on v2: It waits at "Branch manager approval", which version 3 removes.',
    ]);
    // Nothing is published until the analyst chooses.
    expect(calls(server).filter((c) => c.includes('/publish'))).toEqual([]);
    expect((within(dialog).getByRole('radio', { name: 'Move the 12 cases that can move to v3' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Publish and move' }));
    const done = await screen.findByRole('dialog', { name: 'Publish Loan approval' });
    expect(await within(done).findByText('Published version 3. 12 running cases moved to v3. 2 stay on their versions.')).toBeTruthy();
    expect(calls(server).slice(-2)).toEqual(['POST /api/artifacts/flow/loan_approval/publish', 'POST /api/flows/loan_approval/migrations']);
    expect(server.requests.at(-1)!.body).toEqual({ toVersion: 3 });
    await user.click(within(done).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves every running case on its version when the analyst says so', async () => {
    const { server, user } = openDesigner({ [PREVIEW]: { body: preview } });
    await screen.findByRole('heading', { name: 'Flow: Loan approval' });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish Loan approval' });
    await user.click(within(dialog).getByRole('radio', { name: 'Leave every running case on its version' }));
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published version 3. The running cases stay on their versions.')).toBeTruthy();
    expect(calls(server).some((c) => c.includes('/migrations'))).toBe(false);
  });

  it('publishes at once when no case runs, and lets the publish itself refuse whoever may not publish', async () => {
    const { server, user } = openDesigner({
      [PREVIEW]: problem(403, 'forbidden', { detail: 'Your roles do not allow you to publish flow artifacts.' }),
      'POST /api/artifacts/flow/loan_approval/publish': problem(403, 'forbidden', { detail: 'Your roles do not allow you to publish flow artifacts.' }),
    });
    await screen.findByRole('heading', { name: 'Flow: Loan approval' });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your roles do not allow you to publish flow artifacts.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls(server).at(-1)).toBe('POST /api/artifacts/flow/loan_approval/publish');
  });
});
