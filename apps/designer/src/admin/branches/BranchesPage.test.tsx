import { fakeApi, renderPage, sequence } from '@bankforge/app-shell/testing';
import type { UserSummary } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { BranchesPage } from './BranchesPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const person = (id: string, displayName: string, branch: string | null, managerId: string | null = null): UserSummary => ({ id, username: id, displayName, branch, managerId, roles: [], active: true, locked: false });
const chen = person('chen_jing', '陈静', 'SH01');
const wang = person('wang_fang', '王芳', 'SH01', 'chen_jing');

describe('BranchesPage', () => {
  it('shows each branch with its reporting lines, and moves a person to another branch', async () => {
    const server = fakeApi({
      'GET /api/auth/users': sequence({ body: [chen, wang, person('zhang_wei', '张伟', 'HQ')] }, { body: [chen, { ...wang, branch: 'HQ' }, person('zhang_wei', '张伟', 'HQ')] }),
      'GET /api/auth/roles': { body: [] },
      'GET /api/auth/me': { body: { userId: 'admin', username: 'admin', branch: null, roles: [], admin: true, auditLog: true } },
      'PATCH /api/auth/users/wang_fang': { body: { ...wang, branch: 'HQ' } },
    });
    renderPage(<BranchesPage />, server.client);
    const actor = userEvent.setup();
    const sh01 = (await screen.findByRole('heading', { name: /SH01/ })).closest('section')!;
    expect(within(sh01).getByRole('heading').textContent).toContain('2 people');
    expect(within(within(sh01).getByRole('list', { name: 'Team of 陈静' })).getByText('王芳')).toBeTruthy();

    await actor.click(within(sh01).getByRole('button', { name: 'Edit 王芳' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit 王芳' });
    await actor.clear(within(dialog).getByLabelText('Branch'));
    await actor.type(within(dialog).getByLabelText('Branch'), 'HQ');
    await actor.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The changes to 王芳 were saved.')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ displayName: '王芳', roles: [], branch: 'HQ', managerId: 'chen_jing' });
    const hq = (await screen.findByRole('heading', { name: /HQ/ })).closest('section')!;
    expect(within(hq).getByText('王芳')).toBeTruthy();
  });
});
