import '../testing/dom-stubs.js';
import type { ApprovalNode, DecisionNode, FlowDefinition, ServiceNode, SubflowNode } from '@bankforge/flow-engine';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '@bankforge/app-shell/testing';
import { FeelEditorModeContext } from '../../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../../shell/testing/i18n.js';
import FlowDesigner from '../FlowDesigner.js';
import { loanApprovalServer } from '../testing/loan-approval-server.js';

beforeAll(() => initTestI18n('en'));
/** The live check runs once edits pause: waited for longer than a query's default on a busy machine. */
const CHECKED = { timeout: 10_000 };
afterEach(cleanup);

async function open() {
  const server = loanApprovalServer();
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
  return { user, save };
}

/** Focuses a node or edge (as Tab does) and returns its property panel. */
async function select(name: string | RegExp, panel: string = typeof name === 'string' ? name : '') {
  screen.getByRole('button', { name }).focus();
  return screen.findByRole('complementary', { name: panel });
}
const problems = () => screen.getByRole('region', { name: /problem/i });

describe('flow property panels', () => {
  it('approval: mode by share, time limit in business days with escalation to a role, amount authority, task form fields', async () => {
    const { user, save } = await open();
    const panel = await select('Approval: Branch manager approval');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'How many must approve' }), 'percentage');
    const share = within(panel).getByRole('spinbutton', { name: 'Share that must approve (%)' });
    await user.clear(share);
    await user.type(share, '75');
    await user.clear(within(panel).getByRole('spinbutton', { name: 'Amount' }));
    await user.type(within(panel).getByRole('spinbutton', { name: 'Amount' }), '3');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Unit' }), 'days');
    await user.click(within(panel).getByRole('checkbox', { name: /Count business time only/ }));
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Escalate to' }), 'role');
    // Roles are picked from the bank's list by their names.
    await user.type(within(panel).getByRole('combobox', { name: 'Role escalated to' }), 'head of');
    await user.click(await within(panel).findByRole('option', { name: 'Head of risk (head_of_risk)' }));
    await user.click(within(panel).getByRole('button', { name: 'Add a limit' }));
    await user.type(within(panel).getByRole('combobox', { name: 'Role of limit 1' }), 'branch');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.clear(within(panel).getByRole('spinbutton', { name: 'Amount of limit 1' }));
    await user.type(within(panel).getByRole('spinbutton', { name: 'Amount of limit 1' }), '5000000');
    expect((within(panel).getByRole('combobox', { name: 'Amount variable of limit 1' }) as HTMLSelectElement).value).toBe('amount');
    await user.click(within(panel).getByRole('checkbox', { name: 'purpose' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Return' }));

    const node = (await save()).nodes.find((n) => n.id === 'branchManagerApproval') as ApprovalNode;
    expect(node).toMatchObject({
      mode: 'percentage',
      percentage: 75,
      timeout: { duration: 'P3D', businessCalendar: true, action: 'escalate', escalateTo: { role: 'head_of_risk' } },
      authorityLimits: [{ role: 'branch_manager', upTo: 5000000, amountVariable: 'amount' }],
      editableFields: ['purpose'],
      actions: ['approve', 'reject', 'delegate', 'addApprover', 'comment'],
    });
    // Without "return", where a return goes means nothing: it is dropped with it.
    expect(node).not.toHaveProperty('returnTo');
  });

  it('decision: picks a published decision, adds the inputs it reads, maps them in FEEL; a missing one is a problem until written', async () => {
    const { user, save } = await open();
    const panel = await select('Decision: Score applicant');
    const decision = within(panel).getByRole('combobox', { name: 'Decision' });
    await within(decision).findByRole('option', { name: 'Fraud screening (fraud_screening)' });
    expect(within(decision).getAllByRole('option').map((o) => o.textContent)).toEqual(['Fraud screening (fraud_screening)', 'Loan applicant scoring (loan_scoring)']);
    await user.click(await within(panel).findByRole('button', { name: 'Add these inputs' }));
    // The live check leaves the JSON Schema to the server (the page's CSP forbids compiling it): the empty input is a FEEL problem.
    expect(await within(problems()).findByText(/^Score applicant: FEEL error in the input "Collateral" of "scoring" at .*The expression is empty$/, undefined, CHECKED)).toBeTruthy();
    await user.type(within(panel).getByRole('textbox', { name: 'Expression of input 4' }), 'annualIncome / 2');
    expect(await within(problems()).findByText('No problems: the flow can be published.', undefined, CHECKED)).toBeTruthy();
    const node = (await save()).nodes.find((n) => n.id === 'scoring') as DecisionNode;
    expect(node.inputs).toEqual({ CreditScore: 'creditScore', AnnualIncome: 'annualIncome', Amount: 'amount', Collateral: 'annualIncome / 2' });
  });

  it('edge: the condition in FEEL, and the default flag, whose second default is a problem on the branch', async () => {
    const { user, save } = await open();
    const panel = await select('from Amount routing to Credit officer approval when amount <= 500000', 'Path');
    const condition = within(panel).getByRole('textbox', { name: 'Condition (FEEL)' });
    await user.clear(condition);
    await user.type(condition, 'amout <= 300000');
    // The shared FEEL editor speaks as a flow does: its names are variables, not an entity's fields.
    expect(within(panel).getByText('amout is not a variable of this flow')).toBeTruthy();
    await user.clear(condition);
    await user.type(condition, 'amount <= 300000 and initiator.branch != null');
    expect(within(panel).queryByText(/is not a variable/)).toBeNull();
    await user.clear(condition);
    await user.type(condition, 'amount <= 300000');
    expect(await screen.findByRole('button', { name: 'from Amount routing to Credit officer approval when amount <= 300000' }, CHECKED)).toBeTruthy();
    await user.click(within(panel).getByRole('checkbox', { name: 'Default path' }));
    expect(await within(problems()).findByText('Amount routing needs exactly one default path, taken when no condition holds.', undefined, CHECKED)).toBeTruthy();
    // The canvas node says its problem on a render of its own after the problem list's.
    expect(await screen.findByRole('button', { name: 'Exclusive branch: Amount routing, 1 problem' }, CHECKED)).toBeTruthy();
    await user.click(within(panel).getByRole('checkbox', { name: 'Default path' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Condition (FEEL)' }), 'amount < 1');
    expect(await within(problems()).findByText('No problems: the flow can be published.', undefined, CHECKED)).toBeTruthy();
    expect((await save()).edges.find((e) => e.id === 'smallLoan')).toEqual({ id: 'smallLoan', source: 'amountCheck', target: 'officerApproval', condition: 'amount < 1', name: { en: 'Up to 500,000', 'zh-CN': '50万以内' } });
  });

  it('service and subflow added from the palette: a record update of fields, an HTTP call, a published flow', async () => {
    const { user, save } = await open();
    await select('Approval: Credit officer approval');
    await user.click(within(screen.getByRole('navigation', { name: 'Steps' })).getByRole('button', { name: 'Service call' }));
    const service = await screen.findByRole('complementary', { name: 'Service call: Service call' });
    await user.click(within(service).getByRole('button', { name: 'Add a value' }));
    await user.selectOptions(within(service).getByRole('combobox', { name: 'Field 1' }), 'status');
    await user.type(within(service).getByRole('textbox', { name: 'Value 1' }), 'checked');
    let flow = await save();
    expect((flow.nodes.find((n) => n.id === 'service') as ServiceNode).config).toEqual({ status: 'checked' });
    expect(flow.edges.filter((e) => e.source === 'officerApproval' || e.source === 'service').map((e) => `${e.source}->${e.target}`)).toEqual(['service->approved', 'officerApproval->service']);

    await user.selectOptions(within(service).getByRole('combobox', { name: 'What it does' }), 'http');
    await user.type(within(service).getByRole('textbox', { name: 'Address (URL)' }), 'https://bureau.example/check');
    await user.click(within(service).getByRole('checkbox', { name: 'amount' }));

    await user.click(within(screen.getByRole('navigation', { name: 'Steps' })).getByRole('button', { name: 'Subflow' }));
    const subflow = await screen.findByRole('complementary', { name: 'Subflow: Subflow' });
    // A flow cannot call itself: only the other published flow is offered.
    await user.selectOptions(within(subflow).getByRole('combobox', { name: 'Subflow' }), 'kyc_check');
    flow = await save();
    expect((flow.nodes.find((n) => n.id === 'service') as ServiceNode)).toMatchObject({ effect: 'http', config: { url: 'https://bureau.example/check', variables: ['amount'] } });
    expect((flow.nodes.find((n) => n.id === 'subflow') as SubflowNode).flowKey).toBe('kyc_check');

    // Through a connector the administrators set up: chosen by its name, a path under its address; the URL goes.
    const again = await select('Service call: Service call');
    await user.selectOptions(within(again).getByRole('combobox', { name: 'Send to' }), 'connector');
    await user.selectOptions(within(again).getByRole('combobox', { name: 'Connector' }), 'Core banking');
    await user.type(within(again).getByRole('textbox', { name: 'Path' }), '/accounts');
    flow = await save();
    expect((flow.nodes.find((n) => n.id === 'service') as ServiceNode).config).toEqual({ connector: 'core_banking', path: '/accounts', variables: ['amount'] });

    // The body is a FEEL template over the case, in the FEEL editor that knows the flow's variables; GET sends none.
    const body = within(again).getByRole('textbox', { name: 'Request body (FEEL, optional)' });
    await user.type(body, '{{reference: "CRM-" + string(creditScore), cents: amount * 100}');
    expect(within(again).queryByText(/is not a variable/)).toBeNull();
    flow = await save();
    expect((flow.nodes.find((n) => n.id === 'service') as ServiceNode).config).toEqual({ connector: 'core_banking', path: '/accounts', variables: ['amount'], body: '{reference: "CRM-" + string(creditScore), cents: amount * 100}' });
    await user.selectOptions(within(again).getByRole('combobox', { name: 'Method' }), 'GET');
    expect(within(again).queryByRole('textbox', { name: 'Request body (FEEL, optional)' })).toBeNull();
    flow = await save();
    expect((flow.nodes.find((n) => n.id === 'service') as ServiceNode).config.body).toBeUndefined();
  });

  it('the flow: variables, and the record binding with its controlled fields and start trigger', async () => {
    const { user, save } = await open();
    screen.getByRole('button', { name: 'Start: Application submitted' }).focus();
    await user.keyboard('{Escape}');
    const panel = screen.getByRole('complementary', { name: 'The flow' });
    await user.click(within(panel).getByRole('button', { name: 'Add a variable' }));
    const name = within(panel).getByRole('textbox', { name: 'Name of variable 7' });
    await user.clear(name);
    await user.type(name, 'collateral');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Type of collateral' }), 'money');
    expect(await within(panel).findByRole('checkbox', { name: 'approved_amount' })).toBeTruthy();
    await user.click(within(panel).getByRole('checkbox', { name: 'submitted_at' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'When a record is created' }));
    // started writes submitted_at, which is no longer the flow's own.
    expect(await within(problems()).findByText(/writes submitted_at, which is not one of the fields only the flow writes/, undefined, CHECKED)).toBeTruthy();
    const flow = await save();
    expect(flow.variables.at(-1)).toEqual({ name: 'collateral', type: 'money' });
    expect(flow.record?.startOn).toEqual({ created: true });
    expect(flow.record?.controlledFields).toEqual(['status', 'approved_amount', 'decided_at', 'decided_by']);
  });
});
