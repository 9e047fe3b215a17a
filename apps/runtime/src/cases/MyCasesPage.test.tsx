import { problem } from '@bankforge/app-shell/testing';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loanCase } from '../testing/approvals.js';
import { initTestI18n } from '../testing/i18n.js';
import { renderRoute } from '../testing/render-route.js';
import MyCasesPage from './MyCasesPage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const nothing = { withdraw: false, urge: false, cancel: false };
const running = loanCase({ can: { withdraw: true, urge: true, cancel: false } });
const approved = loanCase({ id: 'k2', recordTitle: 'Zhao Lei', status: 'completed', outcome: 'approved', waitingAt: [], endedAt: '2026-02-20T08:00:00Z', can: nothing });

function renderCases(routes: Parameters<typeof renderRoute>[1]['routes'], items = [running, approved]) {
  return renderRoute(<MyCasesPage />, { path: '/cases', pattern: '/cases', routes: { 'GET /api/flows/instances?startedBy=me': { body: { items } }, ...routes } });
}

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

describe('MyCasesPage', () => {
  it('lists what the reader submitted: status, where each waits and since when', async () => {
    renderCases({});
    await screen.findByRole('table');
    const wang = rowOf('Wang Fang');
    expect(wang.textContent).toContain('In approval');
    expect(wang.textContent).toMatch(/Credit review, since Mar 2, 2026, \d+:\d+\s[AP]M \(\d+ days ago\)/);
    expect(wang.textContent).toContain('with Zhang Min');
    expect(within(wang).getByRole('link', { name: 'Wang Fang' }).getAttribute('href')).toBe('/cases/k1');
    const zhao = rowOf('Zhao Lei');
    expect(zhao.textContent).toContain('Completed: Approved');
    expect(within(zhao).queryByRole('button')).toBeNull();
  });

  it('withdraws a case after confirming, with the comment, and shows it withdrawn', async () => {
    const { server } = renderCases({
      'POST /api/flows/instances/k1/withdraw': { body: { ...running, status: 'withdrawn', waitingAt: [], can: nothing } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Withdraw Wang Fang' }));
    const dialog = screen.getByRole('dialog', { name: 'Withdraw Wang Fang?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Comment (optional)' }));
    await user.type(document.activeElement!, 'The customer wants a smaller loan');
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(await screen.findByText('You withdrew Wang Fang.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(rowOf('Wang Fang').textContent).toContain('Withdrawn');
    expect(within(rowOf('Wang Fang')).queryByRole('button', { name: /Withdraw/ })).toBeNull();
    const sent = server.requests.find((r) => r.method === 'POST')!;
    expect(sent.body).toEqual({ comment: 'The customer wants a smaller loan' });
    expect(sent.headers['idempotency-key']).toBeTruthy();
  });

  it('keeps the case when the confirmation is cancelled with Escape', async () => {
    const { server } = renderCases({});
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Withdraw Wang Fang' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('urges the approvers, and explains a withdrawal the flow no longer allows', async () => {
    const { server } = renderCases({
      'POST /api/flows/instances/k1/urge': { body: running },
      'POST /api/flows/instances/k1/withdraw': problem(409, 'withdrawNotAllowed', { detail: 'The case passed the first approval.' }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Urge the approvers of Wang Fang' }));
    expect(await screen.findByText('A reminder was sent to the approvers of Wang Fang.')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({});

    await user.click(screen.getByRole('button', { name: 'Withdraw Wang Fang' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Withdraw' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This case can no longer be withdrawn.');
    expect(alert.textContent).toContain('The case passed the first approval.');
    await waitFor(() => expect(server.requests.filter((r) => r.url === '/api/flows/instances?startedBy=me')).toHaveLength(2));
  });

  it('offers only what the server allows on each case: urge once an approver acted, withdraw while it is returned', async () => {
    const reviewed = loanCase({ id: 'k3', recordTitle: 'Sun Hao', can: { withdraw: false, urge: true, cancel: false } });
    const returned = loanCase({ id: 'k4', recordTitle: 'Qian Yu', can: { withdraw: true, urge: false, cancel: false } });
    renderCases({}, [reviewed, returned, approved]);
    await screen.findByRole('table');
    expect(within(rowOf('Sun Hao')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Urge']);
    expect(within(rowOf('Qian Yu')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Withdraw']);
    expect(within(rowOf('Zhao Lei')).queryByRole('button')).toBeNull();
  });
});
