import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, sequence, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import type { CaseNotification, RuntimeApp } from '@bankforge/client';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { NotificationsMenu } from './NotificationsMenu.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000 - 1_000).toISOString();
const assigned: CaseNotification = {
  id: 'n1',
  kind: 'assigned',
  caseId: 'k1',
  taskId: 't1',
  text: { en: 'Wang Fang waits for your credit review', 'zh-CN': 'Wang Fang 等待您的信贷审查' },
  createdAt: minutesAgo(5),
};
const outcome: CaseNotification = {
  id: 'n2',
  kind: 'outcome',
  caseId: 'k2',
  text: { en: 'Zhao Lei was approved', 'zh-CN': 'Zhao Lei 已获批准' },
  createdAt: minutesAgo(90),
};
const seen: CaseNotification = { ...outcome, id: 'n3', caseId: 'k3', text: { en: 'Sun Li was returned', 'zh-CN': 'Sun Li 已退回' }, readAt: minutesAgo(10) };

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderMenu(routes: Record<string, FakeHandler | FakeResponse>, apps: readonly RuntimeApp[] = []) {
  const server = fakeApi(routes);
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter initialEntries={['/inbox']}>
        <NotificationsMenu apps={apps} />
        <Where />
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return { server };
}

const unread = (count: number) => ({ body: { items: [], unread: count } });

describe('NotificationsMenu', () => {
  it('shows the unread count, lists the notifications and opens one at its task, marking it read', async () => {
    const { server } = renderMenu({
      'GET /api/notifications?unread=true': sequence(unread(2), unread(1)),
      'GET /api/notifications': { body: { items: [assigned, outcome, seen], unread: 2 } },
      'POST /api/notifications/read': { body: { unread: 1 } },
    });
    const user = userEvent.setup();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    await user.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Notifications' });
    const items = await within(panel).findAllByRole('button', { name: /Wang Fang|Zhao Lei|Sun Li/ });
    expect(items.map((item) => item.textContent)).toEqual([
      'Unread: Wang Fang waits for your credit review 5 minutes ago',
      'Unread: Zhao Lei was approved 2 hours ago',
      'Sun Li was returned 2 hours ago',
    ]);

    await user.click(items[0]!);
    expect(screen.getByTestId('where').textContent).toBe('/tasks/t1');
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    await waitFor(() => expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({ ids: ['n1'] }));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeTruthy();
  });

  it('opens a notification without a task at its case, and marks all as read', async () => {
    const { server } = renderMenu({
      'GET /api/notifications?unread=true': sequence(unread(2), unread(0)),
      'GET /api/notifications': { body: { items: [assigned, outcome], unread: 2 } },
      'POST /api/notifications/read': { body: { unread: 0 } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await user.click(await screen.findByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ all: true });
    expect(screen.queryByText(/Unread:/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull();

    await user.click(screen.getByRole('button', { name: /Zhao Lei was approved/ }));
    expect(screen.getByTestId('where').textContent).toBe('/cases/k2');
    // Already read: nothing more to mark.
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it("opens an automation's alert at its record under the reader's app, and leaves a notice that leads nowhere open, read", async () => {
    const alert: CaseNotification = { id: 'n4', kind: 'automation', record: { entity: 'customer', id: 'c 1' }, text: { en: 'Zhou Min may be a high-potential customer', 'zh-CN': '周敏可能是高潜力客户' }, createdAt: minutesAgo(1) };
    const notice: CaseNotification = { id: 'n5', kind: 'webhookDisabled', text: { en: 'Webhook crm_feed was turned off', 'zh-CN': 'Webhook crm_feed 已停用' }, createdAt: minutesAgo(2) };
    const crm = { key: 'crm', label: { en: 'CRM' }, menu: [{ entity: 'customer', label: { en: 'Customer' }, pluralLabel: { en: 'Customers' } }] } as unknown as RuntimeApp;
    const { server } = renderMenu(
      {
        'GET /api/notifications?unread=true': sequence(unread(2), unread(1), unread(0)),
        'GET /api/notifications': sequence({ body: { items: [alert, notice], unread: 2 } }, { body: { items: [{ ...notice }], unread: 1 } }),
        'POST /api/notifications/read': sequence({ body: { unread: 1 } }, { body: { unread: 0 } }),
      },
      [crm],
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await user.click(await screen.findByRole('button', { name: /Webhook crm_feed was turned off/ }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ ids: ['n5'] }]));
    expect(screen.getByTestId('where').textContent).toBe('/inbox');
    expect(screen.getByRole('region', { name: 'Notifications' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Zhou Min may be a high-potential customer/ }));
    expect(screen.getByTestId('where').textContent).toBe('/crm/customer/c%201');
  });

  it('closes on Escape and gives the focus back to the bell', async () => {
    renderMenu({ 'GET /api/notifications?unread=true': unread(0), 'GET /api/notifications': { body: { items: [], unread: 0 } } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('No notifications.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Notifications' }));
  });
});
