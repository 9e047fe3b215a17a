import { fakeApi, renderPage, sequence } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { ConnectorsPage } from './ConnectorsPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const SECRET = 'ck_live_typed_once';
const core = {
  key: 'core_banking',
  name: { en: 'Core banking', 'zh-CN': '核心系统' },
  baseUrl: 'http://127.0.0.1:9999/api',
  auth: { kind: 'apiKey', header: 'X-Api-Key' },
  hasSecret: true,
  timeoutMs: 10000,
  retries: 0,
  headers: {},
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'admin',
  updatedAt: '2026-03-01T09:00:00.000Z',
  updatedBy: 'admin',
};

describe('ConnectorsPage', () => {
  it('creates a connector with an API key it never shows again, and keeps the stored key on an edit', async () => {
    const server = fakeApi({
      'GET /api/connectors': sequence({ body: [] }, { body: [core] }, { body: [{ ...core, version: 2, retries: 2 }] }),
      'GET /api/connectors/allowed-hosts': { body: { hosts: [] } },
      'POST /api/connectors': { status: 201, body: core },
      'PUT /api/connectors/core_banking': { body: { ...core, version: 2, retries: 2 } },
    });
    renderPage(<ConnectorsPage />, server.client);
    const actor = userEvent.setup();
    await actor.click(await screen.findByRole('button', { name: 'New connector' }));
    const dialog = screen.getByRole('dialog', { name: 'New connector' });
    await actor.click(within(dialog).getByRole('button', { name: 'Create connector' }));
    expect(within(dialog).getAllByText('Fill this in.').length).toBe(4);
    await actor.type(within(dialog).getByLabelText('Key'), 'core_banking');
    await actor.type(within(dialog).getByLabelText('Name (English)'), 'Core banking');
    await actor.type(within(dialog).getByLabelText('Name (Chinese)'), '核心系统');
    await actor.type(within(dialog).getByLabelText('Base URL'), 'http://127.0.0.1:9999/api');
    await actor.selectOptions(within(dialog).getByLabelText('Authentication'), 'apiKey');
    expect((within(dialog).getByLabelText('Header name') as HTMLInputElement).value).toBe('X-Api-Key');
    await actor.type(within(dialog).getByLabelText('API key'), SECRET);
    await actor.click(within(dialog).getByRole('button', { name: 'Create connector' }));
    expect(await screen.findByText('The connector Core banking was created.')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')!.body).toMatchObject({ key: 'core_banking', auth: { kind: 'apiKey', header: 'X-Api-Key' }, secret: SECRET });
    const row = screen.getByRole('rowheader', { name: 'Core banking' }).closest('tr')!;
    expect(within(row).getByText('Stored')).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET);

    await actor.click(screen.getByRole('button', { name: 'Edit Core banking' }));
    const edit = screen.getByRole('dialog', { name: 'Edit Core banking' });
    expect(within(edit).getByText('Stored')).toBeTruthy();
    expect((within(edit).getByLabelText('API key') as HTMLInputElement).value).toBe('');
    await actor.clear(within(edit).getByLabelText('Retries'));
    await actor.type(within(edit).getByLabelText('Retries'), '2');
    await actor.click(within(edit).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The connector Core banking was saved.')).toBeTruthy();
    const put = server.requests.find((r) => r.method === 'PUT')!.body as Record<string, unknown>;
    expect(put).toMatchObject({ version: 1, retries: 2 });
    expect(put).not.toHaveProperty('secret');
  });

  it('clears a stored secret only when asked', async () => {
    const server = fakeApi({
      'GET /api/connectors': { body: [core] },
      'GET /api/connectors/allowed-hosts': { body: { hosts: [] } },
      'PUT /api/connectors/core_banking': { body: { ...core, hasSecret: false, version: 2 } },
    });
    renderPage(<ConnectorsPage />, server.client);
    const actor = userEvent.setup();
    await actor.click(await screen.findByRole('button', { name: 'Edit Core banking' }));
    const edit = screen.getByRole('dialog', { name: 'Edit Core banking' });
    await actor.click(within(edit).getByRole('button', { name: 'Clear: API key' }));
    expect(within(edit).getByText('Will be cleared when you save')).toBeTruthy();
    await actor.click(within(edit).getByRole('button', { name: 'Save' }));
    await screen.findByText('The connector Core banking was saved.');
    expect(server.requests.find((r) => r.method === 'PUT')!.body).toMatchObject({ secret: null });
  });

  it('tests a connector: the refusal in words, then the answer once the host is allowed', async () => {
    const server = fakeApi({
      'GET /api/connectors': { body: [core] },
      'GET /api/connectors/allowed-hosts': sequence({ body: { hosts: [] } }, { body: { hosts: ['127.0.0.1:9999'] } }),
      'PUT /api/connectors/allowed-hosts': { body: { hosts: ['127.0.0.1:9999'] } },
      'POST /api/connectors/core_banking/test': sequence(
        { body: { ok: false, reason: 'privateAddress', detail: 'refused: 127.0.0.1 is a loopback address; an administrator can allow-list this host', durationMs: 1 } },
        { body: { ok: true, status: 200, durationMs: 12, headers: {}, body: '{"customer":"42"}', truncated: false } },
      ),
    });
    renderPage(<ConnectorsPage />, server.client);
    const actor = userEvent.setup();
    await actor.click(await screen.findByRole('button', { name: 'Test Core banking' }));
    const panel = screen.getByRole('region', { name: 'Test Core banking' });
    await actor.clear(within(panel).getByLabelText('Path'));
    await actor.type(within(panel).getByLabelText('Path'), '/customers/42');
    await actor.click(within(panel).getByRole('button', { name: 'Send' }));
    expect(await within(panel).findByText("Refused: 127.0.0.1:9999 is a private address. Connectors call the bank's own hosts only once they are allowed.")).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ method: 'GET', path: '/customers/42' });

    const hosts = screen.getByRole('region', { name: 'Allowed hosts' });
    expect(within(hosts).getByText(/Hosts on the bank's own network that connectors may call/)).toBeTruthy();
    // The host is allowed from the refusal, one click.
    await actor.click(within(panel).getByRole('button', { name: 'Allow 127.0.0.1:9999' }));
    expect(await screen.findByText('The allowed hosts were saved.')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'PUT')!.body).toEqual({ hosts: ['127.0.0.1:9999'] });

    await actor.click(within(screen.getByRole('region', { name: 'Test Core banking' })).getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Status 200')).toBeTruthy();
    expect(screen.getByText('12 ms')).toBeTruthy();
    expect(screen.getByText('{"customer":"42"}')).toBeTruthy();
  });
});
