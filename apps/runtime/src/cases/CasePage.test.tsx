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

  it('lets an administrator move a running case to the newer version of its flow, after confirming', async () => {
    const older = loanCase({ flowVersion: 1, migrateTo: 2 });
    const moved = loanCase({ flowVersion: 2 });
    const { server } = renderRoute(<CasePage />, {
      path: '/cases/k1',
      pattern: '/cases/:id',
      routes: { 'GET /api/flows/instances/k1': { body: older }, 'POST /api/flows/instances/k1/migrate': { body: moved } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Move to version 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Move this Loan approval case to version 2?' });
    expect(within(dialog).getByText(/instead of version 1/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Move to version 2' }));
    expect(await screen.findByText('The case now runs version 2 of its flow.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Move to version 2' })).toBeNull();
    const posted = server.requests.find((r) => r.method === 'POST');
    expect([posted?.url, posted?.body]).toEqual(['/api/flows/instances/k1/migrate', { toVersion: 2 }]);
  });

  it('names, in the reader\'s language, the steps that keep a case from moving', async () => {
    initTestI18n('zh-CN');
    renderRoute(<CasePage />, {
      path: '/cases/k1',
      pattern: '/cases/:id',
      routes: {
        'GET /api/flows/instances/k1': { body: loanCase({ flowVersion: 1, migrateTo: 3 }) },
        'POST /api/flows/instances/k1/migrate': {
          status: 409,
          body: { code: 'migrationRefused', title: 'Conflict', detail: 'This case cannot move to version 3.', errors: [{ path: '/nodes/review', code: 'migrationRefused', message: 'version 3 removed review', messageZh: '第 3 版中，申请正在等待的步骤“信贷审查”已删除或已更改' }] },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '迁移到第 3 版' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '迁移到第 3 版' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('第 3 版中，申请正在等待的步骤“信贷审查”已删除或已更改')).toBeTruthy();
    expect(within(alert).queryByText('version 3 removed review')).toBeNull();
  });
});
