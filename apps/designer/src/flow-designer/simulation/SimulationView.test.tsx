import '../testing/dom-stubs.js';
import { cnMainlandCalendar, loanScoringDecision } from '@bankforge/example-bank-crm';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problem, renderPage, type FakeResponse } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../../shell/testing/i18n.js';
import FlowDesigner from '../FlowDesigner.js';
import { loanApprovalServer } from '../testing/loan-approval-server.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);
/** The tab loads lazily and reads the calendar and decisions first: longer than a query's default on a busy machine. */
const LOADED = { timeout: 15_000 };

const published = (document: unknown): FakeResponse => ({ body: { document, revision: 1, latestVersion: 1 } });
/** The loan approval as a draft, the server's calendar and the published scoring decision; records refused to the analyst. */
const simulationServer = (routes: Record<string, FakeResponse> = {}) =>
  loanApprovalServer({
    'GET /api/flows/calendar': { body: { key: 'cn_mainland', version: 1, document: cnMainlandCalendar } },
    'GET /api/artifacts/decision/loan_scoring?version=1': published(loanScoringDecision),
    'POST /api/records/loan_application/query': problem(403, 'forbidden'),
    ...routes,
  });

async function openSimulation(server = simulationServer()) {
  const user = userEvent.setup();
  renderPage(<FlowDesigner />, server.client, { path: '/flow/loan_approval', pattern: '/flow/:key' });
  await user.click(await screen.findByRole('tab', { name: 'Simulate' }));
  await screen.findByRole('button', { name: 'Start the simulation' }, LOADED);
  return { server, user };
}

/** Enters a loan (on Friday 6 March 2026, 16:00 in Shanghai) and starts it. */
async function startLoan(user: ReturnType<typeof userEvent.setup>, amount: string) {
  await user.type(screen.getByRole('textbox', { name: 'Amount' }), amount);
  await user.type(screen.getByRole('textbox', { name: 'Credit score' }), '780');
  await user.type(screen.getByRole('textbox', { name: 'Annual income' }), '1,500,000');
  fireEvent.change(screen.getByLabelText('The case starts at (Asia/Shanghai)'), { target: { value: '2026-03-06T16:00' } });
  await user.click(screen.getByRole('button', { name: 'Start the simulation' }));
}

const task = (step: string) => screen.getByRole('article', { name: step });
const timeline = () => within(screen.getByRole('region', { name: 'What happened' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
const step = (name: string) => screen.getByRole('group', { name: new RegExp(`^${name}(,|$)`) });
/** Only reads reached the server: no save, no case, no task answered. */
const writes = (server: ReturnType<typeof simulationServer>) => server.requests.filter((r) => r.method !== 'GET' && !r.url.endsWith('/query'));

describe('Simulate in the flow designer', () => {
  it('runs an approval path with the real engine: the decision evaluated here, the task answered as a stand-in officer, the path on the canvas', async () => {
    const { server, user } = await openSimulation();
    expect(screen.getByText('Business days count on the bank’s calendar “Mainland China business calendar” (version 1), as the server’s timers do.')).toBeTruthy();
    expect(screen.getByText('Score applicant evaluates loan_scoring version 1, here in the browser.')).toBeTruthy();
    expect(await screen.findByText('Your roles do not let you read Loan application records: enter the values by hand.')).toBeTruthy();
    await startLoan(user, '300000');

    const officer = task('Credit officer approval');
    expect(within(officer).getByText('May act now: credit_officer 1, credit_officer 2, credit_officer 3')).toBeTruthy();
    expect(step('Approval: Credit officer approval').getAttribute('aria-label')).toBe('Approval: Credit officer approval, waiting here');
    expect(step('Decision: Score applicant').getAttribute('aria-label')).toBe('Decision: Score applicant, passed');
    expect(step('Approval: Credit committee countersign').getAttribute('aria-label')).toBe('Approval: Credit committee countersign');
    expect(timeline()).toContainEqual(expect.stringContaining('Score applicant: loan_scoring version 1 answered score = 100, recommendation = approve.'));
    expect(timeline()).toContainEqual(expect.stringContaining('Amount routing → Credit officer approval, as amount <= 500000 held.'));

    await user.selectOptions(within(officer).getByRole('combobox', { name: 'Act as' }), 'credit_officer#2');
    await user.click(within(officer).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('The case ended: approved.', { selector: '.notice' })).toBeTruthy();
    expect(timeline().at(-1)).toContain('The case ended: approved.');
    expect(timeline()).toContainEqual(expect.stringContaining('Credit officer approval: credit_officer 2 approved.'));
    expect(step('End: Approved').getAttribute('aria-label')).toBe('End: Approved, passed');
    expect(writes(server)).toEqual([]);
  });

  it('advances business days on the server’s calendar until the committee’s timeout escalates to the head of risk', async () => {
    const { server, user } = await openSimulation();
    await startLoan(user, '6000000');
    const committee = task('Credit committee countersign');
    expect(within(committee).getByText('May act now: credit_committee 1, credit_committee 2, credit_committee 3')).toBeTruthy();
    const days = screen.getByRole('spinbutton', { name: 'Business days' });
    await user.clear(days);
    await user.type(days, '2');
    await user.click(screen.getByRole('button', { name: 'Advance time' }));
    expect(await screen.findByText(/^Advanced 2 business days to /)).toBeTruthy();
    expect(timeline().some((e) => e.includes('escalated'))).toBe(false);

    await user.clear(days);
    await user.type(days, '1');
    await user.click(screen.getByRole('button', { name: 'Advance time' }));
    await waitFor(() => expect(timeline()).toContainEqual(expect.stringContaining('Credit committee countersign: overdue, escalated from credit_committee 1, credit_committee 2, credit_committee 3 to head_of_risk 1, head_of_risk 2, head_of_risk 3.')));
    expect(within(task('Credit committee countersign')).getByText('May act now: head_of_risk 1, head_of_risk 2, head_of_risk 3')).toBeTruthy();
    expect(writes(server)).toEqual([]);
  });

  it('says what the engine refuses, and Reset goes back to the start form with the values kept; Design edits again', async () => {
    const { user } = await openSimulation();
    await startLoan(user, '300000');
    const officer = task('Credit officer approval');
    await user.selectOptions(within(officer).getByRole('combobox', { name: 'Act as' }), 'initiator');
    await user.click(within(officer).getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The initiator may not approve their own case (maker-checker).');

    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect((screen.getByRole('textbox', { name: 'Amount' }) as HTMLInputElement).value).toBe('300000');
    expect(within(screen.getByRole('region', { name: 'What happened' })).queryAllByRole('listitem')).toEqual([]);
    expect(step('Approval: Credit officer approval').getAttribute('aria-label')).toBe('Approval: Credit officer approval');

    await user.click(screen.getByRole('tab', { name: 'Design' }));
    expect(await screen.findByRole('navigation', { name: 'Steps' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Approval: Credit officer approval(,|$)/ })).toBeTruthy();
  });

  it('names the entries a start needs, and starts nothing until they are right', async () => {
    const { user } = await openSimulation();
    await user.type(screen.getByRole('textbox', { name: 'Amount' }), 'lots');
    await user.click(screen.getByRole('button', { name: 'Start the simulation' }));
    expect(screen.getByRole('alert').textContent).toBe('Correct 3 values first.');
    expect(screen.getByRole('textbox', { name: 'Amount' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter an amount, e.g. 500000 or 500000.00')).toBeTruthy();
    expect(screen.getAllByText('Enter a value: the flow needs it.')).toHaveLength(2);
  });

  it('fills the values from a record the analyst may read', async () => {
    const record = { id: 'r1', version: 1, application_no: 'LA1', amount: { amount: '250000.00', currency: 'CNY' }, credit_score: 700, annual_income: { amount: '900000.00', currency: 'CNY' }, purpose: 'Van' };
    const { user } = await openSimulation(simulationServer({ 'POST /api/records/loan_application/query': { body: { items: [record], nextCursor: null } } }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Record' }), 'r1');
    await user.click(screen.getByRole('button', { name: 'Fill from this record' }));
    expect((screen.getByRole('textbox', { name: 'Amount' }) as HTMLInputElement).value).toBe('250000.00');
    expect((screen.getByRole('textbox', { name: 'Credit score' }) as HTMLInputElement).value).toBe('700');
    expect((screen.getByRole('textbox', { name: 'Purpose' }) as HTMLInputElement).value).toBe('Van');
  });

  it('asks for a decision’s outputs by hand when it is not published, and says so in the history', async () => {
    const { user } = await openSimulation(
      simulationServer({ 'GET /api/artifacts/decision': { body: [{ kind: 'decision', key: 'loan_scoring', title: 'Scoring', revision: 1, latestVersion: null, state: 'draft', updatedAt: '' }] }, 'GET /api/flows/calendar': problem(404, 'noBusinessCalendar') }),
    );
    expect(screen.getByText('No business calendar is published: business days count as calendar days, as on the server.')).toBeTruthy();
    expect(screen.getByText(/^Score applicant: loan_scoring is not published, so the server would fail the case here/)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'score (into score)' }), '30');
    await user.type(screen.getByRole('textbox', { name: 'recommendation (into recommendation)' }), 'decline');
    await user.type(screen.getByRole('textbox', { name: 'Amount' }), '300000');
    await user.type(screen.getByRole('textbox', { name: 'Credit score' }), '780');
    await user.type(screen.getByRole('textbox', { name: 'Annual income' }), '1500000');
    await user.click(screen.getByRole('button', { name: 'Start the simulation' }));
    expect(await screen.findByText('The case ended: rejected.', { selector: '.notice' })).toBeTruthy();
    expect(timeline()).toContainEqual(expect.stringContaining('Score applicant: outputs entered by hand (loan_scoring is not published): score = 30, recommendation = decline.'));
  });
});
