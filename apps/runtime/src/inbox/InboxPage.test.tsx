import { problem, sequence } from '@bankforge/app-shell/testing';
import type { ApprovalTask, TaskInboxPage } from '@bankforge/client';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loanTask } from '../testing/approvals.js';
import { initTestI18n } from '../testing/i18n.js';
import { renderRoute } from '../testing/render-route.js';
import InboxPage from './InboxPage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const DAY = 24 * 60 * 60 * 1000;
const inTwoDays = () => new Date(Date.now() + 2 * DAY + 60_000).toISOString();

const overdue = loanTask({ id: 't9', recordTitle: 'Zhao Lei', overdue: true, dueAt: '2026-01-05T09:00:00Z', amount: { amount: '5000000', currency: 'CNY' } });
const mine = () => loanTask({ dueAt: inTwoDays() });
const counts = { mine: 2, claimable: 1, overdue: 1 };
const page = (items: ApprovalTask[], nextCursor: string | null = null): { body: TaskInboxPage } => ({ body: { items, nextCursor, counts } });
const pool = loanTask({ id: 't2', recordTitle: 'Sun Li', claimable: true, assignees: [], candidateRoles: ['credit_officer'], actions: [] });

function renderInbox(routes: Parameters<typeof renderRoute>[1]['routes'], path = '/inbox') {
  return renderRoute(<InboxPage filterDelayMs={0} />, { path, pattern: '/inbox', routes });
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('InboxPage', () => {
  it("lists the reader's tasks in the server's order: overdue first, amounts as money, due times in words", async () => {
    renderInbox({ 'GET /api/tasks?scope=mine&limit=25': page([overdue, mine()]) });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [first, second] = rows().map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(first).toEqual(['Zhao Lei', 'Credit review', 'Loan approval', 'CN¥5,000,000.00', 'Li Wei', 'Overdue', '']);
    expect(second).toEqual(['Wang Fang', 'Credit review', 'Loan approval', 'CN¥1,200,000.00', 'Li Wei', 'Due in 2 days', '']);
    expect(within(rows()[0]!).getByText('Overdue').closest('.overdue')).toBeTruthy();
    expect(within(rows()[1]!).getByRole('link', { name: 'Wang Fang' }).getAttribute('href')).toBe('/tasks/t1');
    expect(screen.getByRole('tab', { name: 'Assigned to me (2)' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'To claim (1)' }).getAttribute('aria-selected')).toBe('false');
    expect(screen.getByText('Showing 2 tasks')).toBeTruthy();
  });

  it('claims a task of the pool: it leaves the list and the page says where it went', async () => {
    const { server } = renderInbox({
      'GET /api/tasks?scope=mine&limit=25': page([mine()]),
      'GET /api/tasks?scope=claimable&limit=25': page([pool]),
      'POST /api/tasks/t2/claim': { body: { ...pool, claimable: false, claimedBy: { id: 'u-co', name: 'Zhang Min' } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: /To claim/ }));
    await user.click(await screen.findByRole('button', { name: 'Claim Sun Li' }));
    expect(await screen.findByText('You claimed Sun Li: it is now among the tasks assigned to you.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No task is waiting to be claimed.')).toBeTruthy();
    // The empty state alone: no count of nothing beside it.
    expect(screen.queryByText(/^Showing \d+ task/)).toBeNull();
    const claim = server.requests.find((r) => r.method === 'POST')!;
    expect(claim.url).toBe('/api/tasks/t2/claim');
    expect(claim.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says so when someone else claimed the task first, and reloads the pool', async () => {
    const { server } = renderInbox(
      {
        'GET /api/tasks?scope=claimable&limit=25': sequence(page([pool]), page([])),
        'POST /api/tasks/t2/claim': problem(409, 'conflict'),
      },
      '/inbox?tab=claimable',
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Claim Sun Li' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else acted on this task first.');
    expect(await screen.findByText('No task is waiting to be claimed.')).toBeTruthy();
    expect(server.requests.filter((r) => r.url === '/api/tasks?scope=claimable&limit=25')).toHaveLength(2);
  });

  it('filters by overdue and amount range, and ignores an amount that is none', async () => {
    const { server } = renderInbox({
      'GET /api/tasks?scope=mine&limit=25': page([overdue, mine()]),
      'GET /api/tasks?scope=mine&overdue=true&limit=25': page([overdue]),
      'GET /api/tasks?scope=mine&overdue=true&minAmount=2000000&limit=25': page([overdue]),
    });
    const user = userEvent.setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.type(screen.getByRole('textbox', { name: 'Amount from' }), '2,000,000');
    await waitFor(() => expect(server.requests.at(-1)!.url).toBe('/api/tasks?scope=mine&overdue=true&minAmount=2000000&limit=25'));
    await user.type(screen.getByRole('textbox', { name: 'Amount to' }), 'lots');
    expect(screen.getByRole('textbox', { name: 'Amount to' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not an amount: this filter is ignored.')).toBeTruthy();
    expect(server.requests.some((r) => r.url.includes('maxAmount'))).toBe(false);
    // The flows met so far are offered in the flow filter.
    expect(within(screen.getByRole('combobox', { name: 'Flow' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['All flows', 'Loan approval']);
  });

  it('loads the next page after the last one with its cursor', async () => {
    const later = loanTask({ id: 't3', recordTitle: 'Qian Yu', dueAt: inTwoDays() });
    renderInbox({
      'GET /api/tasks?scope=mine&limit=25': page([overdue, mine()], 'c2'),
      'GET /api/tasks?scope=mine&limit=25&cursor=c2': page([later]),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((row) => within(row).getByRole('link').textContent)).toEqual(['Zhao Lei', 'Wang Fang', 'Qian Yu']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByText('Showing 3 tasks')).toBeTruthy();
  });

  it('shows why the inbox could not be loaded, and retries', async () => {
    renderInbox({ 'GET /api/tasks?scope=mine&limit=25': sequence(problem(503, 'unavailable', { detail: 'The flow runtime is down.' }), page([mine()])) });
    const user = userEvent.setup();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The tasks could not be loaded. The flow runtime is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('speaks Chinese: tabs, due words and money in the Chinese form', async () => {
    await initTestI18n('zh-CN');
    renderInbox({ 'GET /api/tasks?scope=mine&limit=25': page([overdue, mine()]) });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByRole('tab', { name: '我的待办（2）' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '待认领（1）' })).toBeTruthy();
    expect(within(rows()[0]!).getByText('已逾期')).toBeTruthy();
    expect(rows()[1]!.textContent).toContain('后天到期');
    expect(rows()[1]!.textContent).toContain('¥1,200,000.00');
    expect(rows()[1]!.textContent).toContain('信贷审查');
    expect(screen.getByRole('columnheader', { name: '发起人' })).toBeTruthy();
  });

  it.each([
    ['en', 'Due in 2 business days', '2 business hours overdue'],
    ['zh-CN', '2个工作日后到期', '已逾期2个工作小时'],
  ] as const)('says due times in business time on the bank calendar, not in calendar days (%s)', async (language, left, late) => {
    await initTestI18n(language);
    const day = { workingDayMinutes: 450 };
    // Four calendar days away over a weekend, two working days; the late one is two and a half working hours late.
    const weekend = loanTask({ id: 't5', dueAt: new Date(Date.now() + 4 * DAY).toISOString(), dueIn: { businessMinutes: 2 * 450 + 30, ...day } });
    const lateTask = loanTask({ id: 't6', recordTitle: 'Zhao Lei', overdue: true, dueAt: '2026-01-05T09:00:00Z', dueIn: { businessMinutes: -150, ...day } });
    renderInbox({ 'GET /api/tasks?scope=mine&limit=25': page([lateTask, weekend]) });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(within(rows()[0]!).getByText(late).closest('.overdue')).toBeTruthy();
    expect(within(rows()[1]!).getByText(left).getAttribute('datetime')).toBe(weekend.dueAt);
  });
});
