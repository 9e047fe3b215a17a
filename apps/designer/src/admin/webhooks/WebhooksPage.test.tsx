import { fakeApi, problem, renderPage, sequence } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeelEditorModeContext } from '../../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { WebhooksPage } from './WebhooksPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

// The FEEL editor stays a plain text box: Monaco cannot lay out in jsdom.
const page = (
  <FeelEditorModeContext.Provider value="plain">
    <WebhooksPage />
  </FeelEditorModeContext.Provider>
);

const SECRET = 'whsec_c2VjcmV0LXNob3duLW9uY2Utb25seS0xMjM0NTY3OA==';
const feed = {
  key: 'crm_feed',
  name: { en: 'CRM feed', 'zh-CN': 'CRM 推送' },
  url: 'https://crm.bank.local/hooks',
  eventTypes: ['record.updated'],
  filter: 'changes.status.new = "approved"',
  roles: [] as string[],
  enabled: true,
  consecutiveFailures: 0,
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'admin',
  updatedAt: '2026-03-01T09:00:00.000Z',
  updatedBy: 'admin',
};
const roles = [
  { key: 'administrator', label: { en: 'Administrator', 'zh-CN': '系统管理员' }, admin: true },
  { key: 'loan_rm', label: { en: 'Loan RM', 'zh-CN': '贷款客户经理' }, entities: { loan: { read: 'all' } } },
];
const delivery = {
  id: 'msg_1',
  subscription: 'crm_feed',
  eventId: 'e1',
  eventType: 'record.updated',
  state: 'failed',
  attempts: 10,
  lastStatus: 503,
  lastError: 'HTTP 503',
  createdAt: '2026-03-01T09:30:00.000Z',
};

describe('WebhooksPage', () => {
  it('creates a webhook, shows its secret once with a copy button, and the FEEL error at the filter', async () => {
    const server = fakeApi({
      'GET /api/webhooks': sequence({ body: [] }, { body: [feed] }),
      'GET /api/auth/roles': { body: roles },
      'POST /api/webhooks': sequence(
        problem(422, 'validationFailed', {
          errors: [
            {
              path: '/filter',
              code: 'feelSyntax',
              message: 'The filter is not valid FEEL (line 1, column 9: unexpected end).',
              messageZh: '筛选条件不是有效的 FEEL 表达式。',
            },
          ],
        }),
        problem(422, 'validationFailed', {
          errors: [
            {
              path: '/roles/0',
              code: 'roleNotFound',
              message: 'There is no role loan_rm.',
              messageZh: '角色 loan_rm 不存在。',
            },
          ],
        }),
        { status: 201, body: { subscription: feed, secret: SECRET } },
      ),
    });
    renderPage(page, server.client);
    const actor = userEvent.setup();
    // The empty list says how to start it.
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    expect(screen.getByText('Choose New webhook to add one.')).toBeTruthy();
    await actor.click(await screen.findByRole('button', { name: 'New webhook' }));
    const dialog = screen.getByRole('dialog', { name: 'New webhook' });
    await actor.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(within(dialog).getAllByText('Fill this in.')).toHaveLength(4);
    expect(within(dialog).getByText('Choose at least one event type.')).toBeTruthy();
    await actor.type(within(dialog).getByLabelText('Key'), 'crm_feed');
    await actor.type(within(dialog).getByLabelText('Name (English)'), 'CRM feed');
    await actor.type(within(dialog).getByLabelText('Name (Chinese)'), 'CRM 推送');
    await actor.type(within(dialog).getByLabelText('URL'), 'https://crm.bank.local/hooks');
    await actor.click(within(dialog).getByRole('checkbox', { name: 'Record updated' }));
    await actor.type(within(dialog).getByLabelText('Filter (FEEL, optional)'), 'changes.status.new =');
    await actor.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    // The editor's own check says so as it is typed; the server's answer is shown at the field too.
    expect(within(dialog).getByText(/^Syntax error/)).toBeTruthy();
    expect(await within(dialog).findByText(/The filter is not valid FEEL/)).toBeTruthy();
    expect(within(dialog).getByLabelText('Filter (FEEL, optional)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await actor.clear(within(dialog).getByLabelText('Filter (FEEL, optional)'));
    await actor.type(within(dialog).getByLabelText('Filter (FEEL, optional)'), 'amount > 5');
    expect(within(dialog).getByText(/^amount is not part of an event/)).toBeTruthy();
    await actor.clear(within(dialog).getByLabelText('Filter (FEEL, optional)'));
    await actor.type(
      within(dialog).getByLabelText('Filter (FEEL, optional)'),
      'changes.status.new = "approved"',
    );
    // The roles its receiver reads as: by name, administrators not offered, with what they do; the server's refusal shown at them.
    const chosen = within(dialog).getByRole('group', { name: 'Roles the receiver reads as (optional)' });
    expect(within(chosen).queryByRole('checkbox', { name: 'Administrator' })).toBeNull();
    expect(
      within(chosen).getByText(
        /With no role chosen, every field that any role masks or hides is sent masked/,
      ),
    ).toBeTruthy();
    await actor.click(within(chosen).getByRole('checkbox', { name: 'Loan RM' }));
    await actor.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(await within(chosen).findByText('There is no role loan_rm.')).toBeTruthy();
    expect(chosen.getAttribute('aria-invalid')).toBe('true');
    await actor.click(within(dialog).getByRole('button', { name: 'Create webhook' }));

    const shown = await screen.findByRole('dialog', { name: 'Signing secret of CRM feed' });
    expect((within(shown).getByLabelText('Signing secret') as HTMLInputElement).value).toBe(SECRET);
    expect(within(shown).getByText(/shown only now/)).toBeTruthy();
    expect(within(shown).getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'POST').at(-1)!.body).toEqual({
      key: 'crm_feed',
      name: { en: 'CRM feed', 'zh-CN': 'CRM 推送' },
      url: 'https://crm.bank.local/hooks',
      eventTypes: ['record.updated'],
      filter: 'changes.status.new = "approved"',
      roles: ['loan_rm'],
    });
    await actor.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('The webhook CRM feed was created.')).toBeTruthy();
    const row = screen.getByRole('rowheader', { name: 'CRM feed' }).closest('tr')!;
    expect(within(row).getByText('Enabled')).toBeTruthy();
    expect(within(row).getByText('Record updated')).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('says why a webhook was disabled, enables it, and replays a delivery from its log', async () => {
    const disabled = {
      ...feed,
      enabled: false,
      disabledReason: 'Disabled after 3 deliveries in a row failed; the last: HTTP 503',
      consecutiveFailures: 3,
    };
    const server = fakeApi({
      'GET /api/webhooks': sequence({ body: [disabled] }, { body: [{ ...feed, version: 2 }] }),
      'GET /api/auth/roles': { body: roles },
      'POST /api/webhooks/crm_feed/enable': { body: { ...feed, version: 2 } },
      'GET /api/webhooks/crm_feed/deliveries?limit=50': sequence(
        { body: { items: [delivery] } },
        { body: { items: [{ ...delivery, state: 'pending', nextAttemptAt: '2026-03-01T10:00:00.000Z' }] } },
      ),
      'POST /api/webhooks/deliveries/msg_1/replay': { body: { ...delivery, state: 'pending' } },
    });
    renderPage(page, server.client);
    const actor = userEvent.setup();
    expect(
      await screen.findByText('Disabled: Disabled after 3 deliveries in a row failed; the last: HTTP 503'),
    ).toBeTruthy();
    await actor.click(screen.getByRole('button', { name: 'Enable CRM feed' }));
    expect(await screen.findByText('The webhook CRM feed was enabled.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enable CRM feed' })).toBeNull();

    await actor.click(screen.getByRole('button', { name: 'Deliveries of CRM feed' }));
    const panel = screen.getByRole('region', { name: 'Deliveries of CRM feed' });
    const logged = (await within(panel).findByText('record.updated')).closest('tr')!;
    expect(within(logged).getByText('Failed')).toBeTruthy();
    expect(within(logged).getByText('10')).toBeTruthy();
    expect(within(logged).getByText('HTTP 503')).toBeTruthy();
    await actor.click(within(logged).getByRole('button', { name: /^Replay the delivery of/ }));
    expect(await within(panel).findByText('The delivery was queued to be sent again now.')).toBeTruthy();
    expect(
      within(within(panel).getByText('record.updated').closest('tr')!).getByText('Pending'),
    ).toBeTruthy();
    expect(
      server.requests.some((r) => r.method === 'POST' && r.url === '/api/webhooks/deliveries/msg_1/replay'),
    ).toBe(true);
  });

  it('rotates a secret after asking, and shows the new one once', async () => {
    const server = fakeApi({
      'GET /api/webhooks': { body: [feed] },
      'GET /api/auth/roles': { body: roles },
      'POST /api/webhooks/crm_feed/rotate-secret': {
        body: {
          subscription: { ...feed, version: 2, previousSecretUntil: '2026-03-02T09:00:00.000Z' },
          secret: SECRET,
        },
      },
    });
    renderPage(page, server.client);
    const actor = userEvent.setup();
    await actor.click(await screen.findByRole('button', { name: 'Rotate the secret of CRM feed' }));
    const ask = screen.getByRole('dialog', { name: 'Rotate the secret of CRM feed?' });
    expect(within(ask).getByText(/keeps signing beside it for 24 hours/)).toBeTruthy();
    await actor.click(within(ask).getByRole('button', { name: 'Rotate' }));
    const shown = await screen.findByRole('dialog', { name: 'Signing secret of CRM feed' });
    expect((within(shown).getByLabelText('Signing secret') as HTMLInputElement).value).toBe(SECRET);
  });
});
