import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, sequence } from '@bankforge/app-shell/testing';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import InboxPage from '../../inbox/InboxPage.js';
import { crmApp, loanTask } from '../../testing/approvals.js';
import { initTestI18n } from '../../testing/i18n.js';
import { RuntimeLayout } from '../RuntimeLayout.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const me = { userId: 'u-co', username: 'zhang.min', branch: 'b1', roles: ['credit_officer'], admin: false };
const counts = (mine: number, claimable: number) => ({ body: { items: [], nextCursor: null, counts: { mine, claimable, overdue: 0 } } });

function renderShell() {
  const server = fakeApi({
    'GET /api/auth/me': { body: me },
    'GET /api/runtime/apps': { body: [crmApp] },
    'GET /api/tasks?limit=1': sequence(counts(2, 1), counts(1, 1)),
    'GET /api/notifications?unread=true': { body: { items: [], unread: 1 } },
    'GET /api/tasks?scope=mine&limit=25': { body: { items: [loanTask()], nextCursor: null, counts: { mine: 2, claimable: 1, overdue: 0 } } },
  });
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter initialEntries={['/inbox']}>
        <Routes>
          <Route element={<RuntimeLayout redirect={vi.fn()} />}>
            <Route path="inbox" element={<InboxPage />} />
            <Route path="cases" element={<p>my cases</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return { server };
}

describe('the approval links of the header', () => {
  it('counts the tasks waiting (mine and to claim), keeps the app, and counts again on the next page', async () => {
    const { server } = renderShell();
    const nav = await screen.findByRole('navigation', { name: 'Approvals' });
    const inbox = await within(nav).findByRole('link', { name: 'Inbox (3 tasks waiting)' });
    expect(inbox.getAttribute('href')).toBe('/inbox');
    expect(within(nav).getByRole('link', { name: 'My cases' }).getAttribute('href')).toBe('/cases');
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeTruthy();
    // The approval pages belong to no app: the header still shows the reader's app and its menu.
    expect(screen.getByRole('link', { name: 'Bank CRM' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Loan applications' })).toBeTruthy();

    await userEvent.setup().click(within(nav).getByRole('link', { name: 'My cases' }));
    expect(await screen.findByText('my cases')).toBeTruthy();
    expect(await within(nav).findByRole('link', { name: 'Inbox (2 tasks waiting)' })).toBeTruthy();
    expect(server.requests.filter((r) => r.url === '/api/tasks?limit=1')).toHaveLength(2);
  });

  it('speaks Chinese after the switch: header links, the inbox tabs and columns', async () => {
    renderShell();
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Inbox (3 tasks waiting)' });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: '中文' }));
    const nav = await screen.findByRole('navigation', { name: '审批' });
    expect(within(nav).getByRole('link', { name: '待办 (3 项待办)' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: '我的申请' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '通知，1 条未读' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '待办' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '我的待办（2）' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '待认领（1）' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '申请事项' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('table').textContent).toContain('信贷审查'));
    expect(screen.getByRole('table').textContent).toContain('贷款审批');
  });
});
