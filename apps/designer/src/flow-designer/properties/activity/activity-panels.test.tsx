import '../../testing/dom-stubs.js';
import type { ApprovalNode, FlowDefinition, ServiceNode, SubflowNode } from '@bankforge/flow-engine';
import { renderPage } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeelEditorModeContext } from '../../../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../../../shell/testing/i18n.js';
import FlowDesigner from '../../FlowDesigner.js';
import { loanApprovalServer } from '../../testing/loan-approval-server.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);
/** The live check runs once edits pause: waited for longer than a query's default on a busy machine. */
const CHECKED = { timeout: 10_000 };

const name = (en: string) => ({ en, 'zh-CN': en });
/** A review whose rejection ends by its own path, then a bureau call and a KYC subflow. */
const FLOW: FlowDefinition = {
  kind: 'flow',
  key: 'loan_approval',
  title: 'Loan approval',
  schemaVersion: 1,
  variables: [
    { name: 'amount', type: 'money' },
    { name: 'guarantors', type: 'list' },
  ],
  nodes: [
    { id: 'start', type: 'start', name: name('Submitted'), position: { x: 0, y: 0 } },
    { id: 'review', type: 'approval', name: name('Review'), assignees: [{ kind: 'role', role: 'credit_officer' }], mode: 'single', actions: ['approve', 'reject'], rejectEdge: 'review_escalated', position: { x: 200, y: 0 } },
    { id: 'escalated', type: 'end', name: name('Escalated'), outcome: 'rejected', position: { x: 400, y: 150 } },
    { id: 'call', type: 'service', name: name('Bureau call'), effect: 'http', config: { url: 'https://bureau.example/check', method: 'POST' }, position: { x: 400, y: 0 } },
    { id: 'kyc', type: 'subflow', name: name('KYC'), flowKey: 'kyc_check', inputs: {}, outputs: {}, position: { x: 600, y: 0 } },
    { id: 'approved', type: 'end', name: name('Approved'), outcome: 'approved', position: { x: 800, y: 0 } },
  ],
  edges: [
    { id: 'start_review', source: 'start', target: 'review' },
    { id: 'review_call', source: 'review', target: 'call' },
    { id: 'review_escalated', source: 'review', target: 'escalated' },
    { id: 'call_kyc', source: 'call', target: 'kyc' },
    { id: 'kyc_approved', source: 'kyc', target: 'approved' },
  ],
};

async function open() {
  const server = loanApprovalServer({}, FLOW);
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <FlowDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path: '/flow/loan_approval', pattern: '/flow/:key' },
  );
  await screen.findByRole('heading', { name: 'Flow: Loan approval' });
  const user = userEvent.setup();
  const save = async (): Promise<FlowDefinition> => {
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    return server.requests.filter((r) => r.method === 'PUT').at(-1)!.body as FlowDefinition;
  };
  const select = (node: string) => {
    screen.getByRole('button', { name: new RegExp(`^${node}(,|$)`) }).focus();
    return screen.findByRole('complementary', { name: node });
  };
  return { user, save, select };
}
const nodeOf = <N,>(flow: FlowDefinition, id: string) => flow.nodes.find((n) => n.id === id) as N;

describe('activity property panels', () => {
  it('approval: a timer on its border takes the second path after 2 days and leaves the task open; the path says so', async () => {
    const { user, save, select } = await open();
    const panel = await select('Approval: Review');
    const timers = within(panel).getByRole('group', { name: 'Timers on this step' });
    expect(within(timers).getByText('No timer.')).toBeTruthy();
    // Its second path is the rejection's: no timer can have it.
    expect((within(timers).getByRole('button', { name: 'Add a timer' }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'When rejected' }), 'The case ends as rejected');
    // Now two paths leave the task for one outcome: the checker flags it until a timer takes one.
    expect(await screen.findByRole('button', { name: 'Approval: Review, 1 problem' }, CHECKED)).toBeTruthy();
    await user.click(within(timers).getByRole('button', { name: 'Add a timer' }));
    const after = within(timers).getByRole('group', { name: 'Timer 1: after' });
    await user.clear(within(after).getByRole('spinbutton', { name: 'Amount' }));
    await user.type(within(after).getByRole('spinbutton', { name: 'Amount' }), '2');
    await user.selectOptions(within(timers).getByRole('combobox', { name: 'Timer 1: when the time is up' }), 'Keep this step open and also take the path');
    expect((within(timers).getByRole('combobox', { name: 'Timer 1: path taken' }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('To Escalated');
    // The step's one other path goes on when the task ends: no second timer has a path of its own.
    expect((within(timers).getByRole('button', { name: 'Add a timer' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(timers).getByText('A timer leaves by a path of its own: draw one more path from this step first.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'from Review to Escalated, after 2 days, the step goes on' })).toBeTruthy();
    expect(await screen.findByText('No problems: the flow can be published.', undefined, CHECKED)).toBeTruthy();
    expect(nodeOf<ApprovalNode>(await save(), 'review').boundaryTimers).toEqual([{ id: 'review_timer', duration: 'P2D', interrupting: false, edge: 'review_escalated' }]);
  });

  it('service: 3 attempts 10 minutes apart, doubling; runs once per guarantor, one after another, stopping early; out-of-range numbers never reach the draft', async () => {
    const { user, save, select } = await open();
    const panel = await select('Service call: Bureau call');
    const attempts = within(panel).getByRole('spinbutton', { name: 'Attempts' });
    await user.clear(attempts);
    await user.type(attempts, '0');
    expect(within(panel).getByText('Enter a whole number from 1 to 100.')).toBeTruthy();
    expect(attempts.getAttribute('aria-invalid')).toBe('true');
    // Nothing reached the draft: there is nothing to save.
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(attempts);
    await user.type(attempts, '3');
    expect(within(panel).queryByText('Enter a whole number from 1 to 100.')).toBeNull();
    await user.click(within(panel).getByRole('checkbox', { name: 'Wait before trying again' }));
    const wait = within(panel).getByRole('group', { name: 'Wait before the next attempt' });
    await user.clear(within(wait).getByRole('spinbutton', { name: 'Amount' }));
    await user.type(within(wait).getByRole('spinbutton', { name: 'Amount' }), '10');
    await user.type(within(panel).getByRole('spinbutton', { name: 'Each wait longer by (×)' }), '2');

    await user.selectOptions(within(panel).getByRole('combobox', { name: 'The step runs' }), 'Several times (multi-instance)');
    // The number of runs is required: the checker says so until it is written.
    expect(await screen.findByRole('button', { name: /^Service call: Bureau call, 1 problem$/ }, CHECKED)).toBeTruthy();
    await user.type(within(panel).getByRole('textbox', { name: 'How many times (FEEL, a whole number)' }), 'count(guarantors)');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'The runs go' }), 'One after another');
    await user.type(within(panel).getByRole('textbox', { name: 'Stop early when (FEEL)' }), 'amout > 1000000');
    expect(within(panel).getByText('amout is not a variable of this flow')).toBeTruthy();
    await user.clear(within(panel).getByRole('textbox', { name: 'Stop early when (FEEL)' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Stop early when (FEEL)' }), 'amount > 1000000');
    expect(await screen.findByText('No problems: the flow can be published.', undefined, CHECKED)).toBeTruthy();
    expect(nodeOf<ServiceNode>(await save(), 'call')).toMatchObject({
      retry: { maxAttempts: 3, backoff: { delay: 'PT10M', multiplier: 2 } },
      multiInstance: { cardinality: 'count(guarantors)', sequential: true, completionCondition: 'amount > 1000000' },
    });
  });

  it('subflow: runs again while a condition holds, at most 5 times, checked first; back to once drops the loop', async () => {
    const { user, save, select } = await open();
    const panel = await select('Subflow: KYC');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'The step runs' }), 'Again while a condition holds (loop)');
    const maximum = within(panel).getByRole('spinbutton', { name: 'At most (runs)' });
    expect((maximum as HTMLInputElement).value).toBe('3');
    await user.clear(maximum);
    await user.type(maximum, '5');
    await user.type(within(panel).getByRole('textbox', { name: 'Run again while (FEEL)' }), 'count(guarantors) > 1');
    await user.click(within(panel).getByRole('checkbox', { name: 'Check the condition before each run, the first too' }));
    expect(nodeOf<SubflowNode>(await save(), 'kyc').loop).toEqual({ maximum: 5, condition: 'count(guarantors) > 1', testBefore: true });
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'The step runs' }), 'Once');
    expect(nodeOf<SubflowNode>(await save(), 'kyc')).not.toHaveProperty('loop');
  });
});
