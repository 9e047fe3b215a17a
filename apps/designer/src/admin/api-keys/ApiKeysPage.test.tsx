import { fakeApi, renderPage, sequence } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { ApiKeysPage } from './ApiKeysPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const roles = [{ key: 'teller', label: { en: 'Teller', 'zh-CN': '柜员' } }];
const key = { id: 'k1', name: 'core-banking', roles: ['teller'], scope: null, branch: null, rateLimit: null, createdAt: '2026-03-01T09:00:00.000Z', revokedAt: null, lastUsedAt: null };

describe('ApiKeysPage', () => {
  it('creates a key with roles and shows it once, then revokes one after asking', async () => {
    const server = fakeApi({
      'GET /api/auth/roles': { body: roles },
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
    await actor.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('rowheader', { name: 'call-center' })).toBeTruthy();

    await actor.click(screen.getAllByRole('button', { name: 'Revoke core-banking' })[0]!);
    await actor.click(within(screen.getByRole('dialog', { name: 'Revoke the API key core-banking?' })).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByText('The key core-banking was revoked.')).toBeTruthy();
    expect(await screen.findByText(/^Revoked /)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Revoke core-banking' })).toBeNull();
  });
});
