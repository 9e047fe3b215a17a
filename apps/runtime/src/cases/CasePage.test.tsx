import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loanCase, loanTask } from '../testing/approvals.js';
import { initTestI18n } from '../testing/i18n.js';
import { renderRoute } from '../testing/render-route.js';
import CasePage from './CasePage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

describe('CasePage', () => {
  it('shows a case: status, where it waits, its record, the task the reader may act on, and the trail', async () => {
    renderRoute(<CasePage />, { path: '/cases/k1', pattern: '/cases/:id', routes: { 'GET /api/flows/instances/k1': { body: loanCase() } } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Loan approval: Wang Fang' })).toBeTruthy();
    expect(screen.getByText('In approval')).toBeTruthy();
    expect(screen.getByText(/Credit review, since/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the application' }).getAttribute('href')).toBe('/crm/loan/L1');
    expect(screen.getByRole('link', { name: 'Open the task at Credit review' }).getAttribute('href')).toBe('/tasks/t1');
    expect(within(screen.getByRole('region', { name: 'Approval trail' })).getAllByRole('listitem')).toHaveLength(2);
    // The server says this reader may neither withdraw nor urge.
    expect(screen.queryByRole('button', { name: /Withdraw|Urge/ })).toBeNull();
  });

  it('urges when the server allows it, and offers no task link for a task the reader may only look at', async () => {
    const lookOnly = loanCase({ can: { withdraw: false, urge: true, cancel: false }, tasks: [loanTask({ actions: [] })] });
    const { server } = renderRoute(<CasePage />, {
      path: '/cases/k1',
      pattern: '/cases/:id',
      routes: {
        'GET /api/flows/instances/k1': { body: lookOnly },
        'POST /api/flows/instances/k1/urge': { body: lookOnly },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Urge the approvers of Wang Fang' }));
    expect(await screen.findByText('A reminder was sent to the approvers of Wang Fang.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Open the task/ })).toBeNull();
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/api/flows/instances/k1/urge']);
  });
});
