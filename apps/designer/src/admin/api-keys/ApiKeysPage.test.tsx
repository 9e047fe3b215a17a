import { fakeApi, renderPage, sequence } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { ApiKeysPage } from './ApiKeysPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const roles = [{ key: 'teller', label: { en: 'Teller', 'zh-CN': '柜员' } }];
const entities = [
  { kind: 'entity', key: 'customer', title: 'Customer', revision: 2, latestVersion: 1, state: 'published', updatedAt: '2026-03-01T09:00:00.000Z', label: { en: 'Customer', 'zh-CN': '客户' } },
  { kind: 'entity', key: 'loan', title: 'Loan', revision: 1, latestVersion: 1, state: 'published', updatedAt: '2026-03-01T09:00:00.000Z', label: { en: 'Loan', 'zh-CN': '贷款' } },
  { kind: 'entity', key: 'draft_only', title: 'Draft', revision: 1, latestVersion: null, state: 'draft', updatedAt: '2026-03-01T09:00:00.000Z' },
];
const key = { id: 'k1', name: 'core-banking', roles: ['teller'], scope: null, branch: null, rateLimit: null, createdAt: '2026-03-01T09:00:00.000Z', revokedAt: null, lastUsedAt: null };

describe('ApiKeysPage', () => {
  it('creates a key with roles and shows it once, then revokes one after asking', async () => {
    const server = fakeApi({
      'GET /api/auth/roles': { body: roles },
      'GET /api/artifacts/entity': { body: entities },
      'GET /api/auth/api-keys': sequence({ body: [key] }, { body: [key, { ...key, id: 'k2', name: 'call-center' }] }, { body: [{ ...key, revokedAt: '2026-03-02T09:00:00.000Z' }] }),
      'POST /api/auth/api-keys': { status: 201, body: { id: 'k2', name: 'call-center', roles: ['teller'], key: 'bfk_k2.secret-shown-once' } },
      'POST /api/auth/api-keys/k1/revoke': { status: 204 },
    });
    renderPage(<ApiKeysPage />, server.client);
    const actor = userEvent.setup();
    const row = (await screen.findByRole('rowheader', { name: 'core-banking' })).closest('tr')!;
    expect(within(row).getByText('Teller')).toBeTruthy();
    expect(within(row).getByText('Never')).toBeTruthy();

    await actor.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    await actor.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText('Enter a name.')).toBeTruthy();
    await actor.type(within(dialog).getByLabelText('Name'), 'call-center');
    await actor.click(within(dialog).getByRole('checkbox', { name: 'Teller' }));
    await actor.click(within(dialog).getByRole('button', { name: 'Create key' }));
    const shown = await screen.findByRole('dialog', { name: 'API key call-center' });
    expect((within(shown).getByLabelText('Key') as HTMLInputElement).value).toBe('bfk_k2.secret-shown-once');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ name: 'call-center', roles: ['teller'] });
    // The key's dialog takes the focus from the form it replaces (the focus was left on the page's body), so Escape closes it.
    expect(shown.contains(document.activeElement)).toBe(true);
    await actor.keyboard('{Escape}');
    expect(await screen.findByRole('rowheader', { name: 'call-center' })).toBeTruthy();

    await actor.click(screen.getAllByRole('button', { name: 'Revoke core-banking' })[0]!);
    await actor.click(within(screen.getByRole('dialog', { name: 'Revoke the API key core-banking?' })).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText('The key core-banking was revoked.')).toBeTruthy();
    expect(await screen.findByText(/^Revoked /)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Revoke core-banking' })).toBeNull();
  });

  it('narrows a new key to reading customers of one branch at its own rate, by keyboard, and lists what it may reach', async () => {
    const scoped = { ...key, id: 'k3', name: 'sh-reader', scope: { entities: { customer: ['read'] }, dataScope: 'branch' }, branch: 'SH', rateLimit: { perMinute: 60 } };
    const server = fakeApi({
      'GET /api/auth/roles': { body: roles },
      'GET /api/artifacts/entity': { body: entities },
      'GET /api/auth/api-keys': sequence({ body: [key] }, { body: [key, scoped] }),
      'POST /api/auth/api-keys': { status: 201, body: { ...scoped, key: 'bfk_k3.secret' } },
    });
    renderPage(<ApiKeysPage />, server.client);
    const actor = userEvent.setup();
    const row = (await screen.findByRole('rowheader', { name: 'core-banking' })).closest('tr')!;
    expect(within(row).getByText('Its roles')).toBeTruthy();
    expect(within(row).getByText('Default')).toBeTruthy();

    await actor.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    await actor.type(within(dialog).getByLabelText('Name'), 'sh-reader');
    await actor.click(within(dialog).getByRole('checkbox', { name: 'Teller' }));
    // Keyboard only from here: Tab reaches the switch and the ticks, Space sets them.
    const narrow = within(dialog).getByRole('checkbox', { name: 'Narrow this key to chosen entities and operations' });
    await actor.tab();
    expect(document.activeElement).toBe(narrow);
    await actor.keyboard(' ');
    expect(within(dialog).queryByRole('checkbox', { name: 'Read Draft' })).toBeNull();
    await actor.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText('Tick at least one operation, or do not narrow the key.')).toBeTruthy();
    const readCustomer = within(dialog).getByRole('checkbox', { name: 'Read Customer' });
    while (document.activeElement !== readCustomer) await actor.tab();
    await actor.keyboard(' ');
    expect((readCustomer as HTMLInputElement).checked).toBe(true);
    await actor.selectOptions(within(dialog).getByLabelText('Data scope'), 'branch');
    await actor.type(within(dialog).getByLabelText('Branch'), 'SH');
    await actor.type(within(dialog).getByLabelText('Requests per minute'), '0');
    await actor.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText('Enter a whole number from 1 to 100,000, or leave it empty.')).toBeTruthy();
    await actor.clear(within(dialog).getByLabelText('Requests per minute'));
    await actor.type(within(dialog).getByLabelText('Requests per minute'), '60');
    await actor.click(within(dialog).getByRole('button', { name: 'Create key' }));
    await screen.findByRole('dialog', { name: 'API key sh-reader' });
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({
      name: 'sh-reader',
      roles: ['teller'],
      scope: { entities: { customer: ['read'] }, dataScope: 'branch' },
      branch: 'SH',
      rateLimit: { perMinute: 60 },
    });
    await actor.click(screen.getByRole('button', { name: 'Done' }));
    const listed = (await screen.findByRole('rowheader', { name: 'sh-reader' })).closest('tr')!;
    expect(within(listed).getByText('Customer: Read')).toBeTruthy();
    expect(within(listed).getByText('Data scope: Its branch’s records')).toBeTruthy();
    expect(within(listed).getByText('Branch SH')).toBeTruthy();
    expect(within(listed).getByText('60 a minute')).toBeTruthy();
  });

  it("shows the server's refusal of a scope beside the scope, in the reader's language", async () => {
    const server = fakeApi({
      'GET /api/auth/roles': { body: roles },
      'GET /api/artifacts/entity': { body: entities },
      'GET /api/auth/api-keys': { body: [] },
      'POST /api/auth/api-keys': {
        status: 422,
        body: {
          type: 'about:blank',
          title: 'Unprocessable Content',
          status: 422,
          code: 'branchRequired',
          detail: "The API key's scope is not valid.",
          errors: [{ path: '/branch', code: 'branchRequired', message: 'A key scoped to a branch must be bound to one.', messageZh: '数据范围为“本机构”的密钥须指定所属机构。' }],
        },
      },
    });
    renderPage(<ApiKeysPage />, server.client);
    const actor = userEvent.setup();
    await actor.click(await screen.findByRole('button', { name: 'New API key' }));
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    await actor.type(within(dialog).getByLabelText('Name'), 'x');
    await actor.click(within(dialog).getByRole('checkbox', { name: 'Narrow this key to chosen entities and operations' }));
    await actor.click(within(dialog).getByRole('checkbox', { name: 'Update Loan' }));
    await actor.selectOptions(within(dialog).getByLabelText('Data scope'), 'branch');
    await actor.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(await within(dialog).findByText('A key scoped to a branch must be bound to one.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Branch').getAttribute('aria-invalid')).toBe('true');
  });
});
