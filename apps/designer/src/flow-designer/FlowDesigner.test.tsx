import './testing/dom-stubs.js';
import type { ApprovalNode, FlowDefinition } from '@bankforge/flow-engine';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problem, renderPage } from '@bankforge/app-shell/testing';
import { FeelEditorModeContext } from '../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../shell/testing/i18n.js';
import FlowDesigner from './FlowDesigner.js';
import { loanApprovalServer } from './testing/loan-approval-server.js';
import { loanApprovalFlow } from '@bankforge/example-bank-crm';

beforeAll(() => initTestI18n('en'));
/** The live check runs once edits pause: waited for longer than a query's default on a busy machine. */
const CHECKED = { timeout: 10_000 };
afterEach(cleanup);

function openDesigner(server = loanApprovalServer()) {
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <FlowDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path: '/flow/loan_approval', pattern: '/flow/:key' },
  );
  return { server, user: userEvent.setup() };
}

/** Selects a node as the keyboard does (jsdom's mouse events lack the view d3-drag reads on a press); its properties show. */
async function selectNode(name: string) {
  node(name).focus();
  await screen.findByRole('complementary', { name });
}
const node = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}(,|$)`) });
const problemsPanel = () => screen.getByRole('region', { name: /problem/i });
const saved = (server: ReturnType<typeof loanApprovalServer>) => server.requests.filter((r) => r.method === 'PUT').at(-1)!.body as FlowDefinition;
/** The example has no positions: the designer lays it out for display (elkjs, slow on a busy machine); arrows need the places. */
const laidOut = () => waitFor(() => expect(node('Decision: Score applicant').closest<HTMLElement>('.react-flow__node')!.style.transform).not.toBe(node('Start: Application submitted').closest<HTMLElement>('.react-flow__node')!.style.transform), { timeout: 15_000 });

describe('FlowDesigner', () => {
  it('names the flow in the UI language (its runtime name), the title standing in', async () => {
    await initTestI18n('zh-CN');
    try {
      openDesigner();
      expect(await screen.findByRole('heading', { level: 1, name: /^流程：贷款审批$/ })).toBeTruthy();
    } finally {
      await initTestI18n('en');
    }
  });

  it('draws each step’s connection points under the ids its declared handles carry: a connection let go near one finds it', async () => {
    openDesigner();
    await screen.findByRole('heading', { name: 'Flow: Loan approval' });
    const handles = (name: string) => [...node(name).querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => `${h.dataset.handleid}:${h.classList.contains('source') ? 'source' : 'target'}`);
    expect(handles('Decision: Score applicant')).toEqual(['in:target', 'out:source']);
    expect(handles('Start: Application submitted')).toEqual(['out:source']);
    expect(handles('End: Approved')).toEqual(['in:target']);
  });

  it('draws the example loan approval: nodes by type and name, edges with their conditions, no problems', async () => {
    openDesigner();
    expect(await screen.findByRole('heading', { name: 'Flow: Loan approval' })).toBeTruthy();
    expect(node('Approval: Credit officer review')).toBeTruthy();
    expect(node('Exclusive branch: Amount routing')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'from Amount routing to Credit officer approval when amount <= 500000' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'from Amount routing to Credit committee countersign, the default path' })).toBeTruthy();
    expect(within(problemsPanel()).getByText('No problems: the flow can be published.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows a problem on the node and in the list as an approval's assignees are edited, and blocks Publish until it is solved", async () => {
    const { server, user } = openDesigner();
    await screen.findByRole('heading', { name: 'Flow: Loan approval' });
    await selectNode('Approval: Credit officer review');
    const panel = screen.getByRole('complementary', { name: 'Approval: Credit officer review' });
    await user.click(within(panel).getByRole('button', { name: 'Remove rule 1' }));

    const listed = await within(problemsPanel()).findByRole('button', { name: 'Credit officer review has no approvers.' }, CHECKED);
    // The canvas redraws its nodes after the list (a frame later on a loaded machine).
    await waitFor(() => expect(node('Approval: Credit officer review').getAttribute('aria-label')).toBe('Approval: Credit officer review, 1 problem'), CHECKED);
    const description = document.getElementById(node('Approval: Credit officer review').getAttribute('aria-describedby')!.split(' ')[1]!);
    expect(description?.textContent).toBe('Credit officer review has no approvers.');
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Publish is available once the 1 problem below is solved.')).toBeTruthy();

    // The list selects the node it names.
    await selectNode('Approval: Credit officer approval');
    await user.click(listed);
    expect(screen.getByRole('complementary', { name: 'Approval: Credit officer review' })).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Add a rule' }));
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Rule 1: who' }), 'branchRole');
    // The role is picked from the bank's list, by its name.
    await user.type(within(panel).getByRole('combobox', { name: 'Rule 1: role' }), 'credit off');
    await user.click(await within(panel).findByRole('option', { name: 'Credit officer (credit_officer)' }));
    expect(await within(problemsPanel()).findByText('No problems: the flow can be published.', undefined, CHECKED)).toBeTruthy();
    expect(node('Approval: Credit officer review').getAttribute('aria-label')).toBe('Approval: Credit officer review');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    const review = saved(server).nodes.find((n) => n.id === 'officerReview') as ApprovalNode;
    expect(review.assignees).toEqual([{ kind: 'branchRole', role: 'credit_officer' }]);
  });

  it('is driven by keyboard: arrows, add after, connect, delete, undo', async () => {
    const { user } = openDesigner();
    await screen.findByRole('heading', { name: 'Flow: Loan approval' });
    await laidOut();
    node('Start: Application submitted').focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(node('Decision: Score applicant'));

    // A, then the type: the timer goes in between the scoring and the score check.
    await user.keyboard('a');
    const dialog = screen.getByRole('dialog', { name: 'Add after Score applicant' });
    await user.click(within(dialog).getByRole('button', { name: 'Timer' }));
    await waitFor(() => expect(document.activeElement).toBe(node('Timer: Timer')));
    expect(screen.getByText('Timer added after Score applicant').getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'from Score applicant to Timer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'from Timer to Score check' })).toBeTruthy();
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(node('Decision: Score applicant'));

    // C: connect through a dialog, the target chosen by name.
    node('Timer: Timer').focus();
    await user.keyboard('c');
    const connect = screen.getByRole('dialog', { name: 'Connect Timer to' });
    await user.selectOptions(within(connect).getByRole('combobox', { name: 'Next step' }), 'End: Approved');
    await user.click(within(connect).getByRole('button', { name: 'Connect' }));
    expect(screen.getByRole('button', { name: /^from Timer to Approved/ })).toBeTruthy();
    // Two paths out of a timer: the check says so, on the node.
    expect(await screen.findByRole('button', { name: 'Timer: Timer, 1 problem' }, CHECKED)).toBeTruthy();

    // Delete removes the timer and its paths; the focus goes back along the path; undo brings it back.
    await waitFor(() => expect(document.activeElement).toBe(node('Timer: Timer')));
    await user.keyboard('{Delete}');
    expect(screen.queryByRole('button', { name: /^Timer: Timer/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^from Timer/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(node('Decision: Score applicant')));
    await user.keyboard('{Control>}z{/Control}');
    expect(node('Timer: Timer')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^from Timer to Approved/ })).toBeTruthy();

    // Enter opens the properties of the selection.
    node('Timer: Timer').focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Timer: Timer' }));
  });

  it("shows the server's refusal to publish through the publish bar", async () => {
    const { user } = openDesigner(
      loanApprovalServer({
        'POST /api/artifacts/flow/loan_approval/publish': problem(422, 'invalidArtifact', { errors: [{ path: '/nodes/1/decisionKey', code: 'decisionNotPublished', message: 'decision loan_scoring is not published' }] }),
      }),
    );
    await screen.findByRole('heading', { name: 'Flow: Loan approval' });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('decision loan_scoring is not published')).toBeTruthy();
    // Where, in words: the step by its name, the property as the panel calls it; the pointer is the tooltip.
    const name = loanApprovalFlow.nodes[1]!.name.en;
    expect(screen.getByText(`Step “${name}” › Decision`).getAttribute('title')).toBe('/nodes/1/decisionKey');
  });
});
