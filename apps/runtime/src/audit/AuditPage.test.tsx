import { problem } from '@bankforge/app-shell/testing';
import type { AuditEntry } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { renderRoute, where } from '../testing/render-route.js';
import AuditPage from './AuditPage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const entities = [
  {
    key: 'customer',
    label: { en: 'Customer', 'zh-CN': '客户' },
    fields: [
      { key: 'mobile', label: { en: 'Mobile', 'zh-CN': '手机号' } },
      { key: 'notes', label: { en: 'Notes', 'zh-CN': '备注' } },
    ],
  },
];
const entry = (seq: number, action: AuditEntry['action'], detail: Record<string, unknown>, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: '2026-03-01T09:00:00.000Z',
  actorId: 'u1',
  actorName: 'wang_fang',
  action,
  entity: 'customer',
  recordId: 'c-1',
  detail,
  prevHash: 'p',
  hash: 'h',
  ...extra,
});
const update = entry(12, 'update', { version: 2, changes: { mobile: { before: '138****5678', after: '139****4321' } } });
const reset = entry(11, 'permissionChange', { user: 'qian_hao', before: { branch: 'SH01' }, after: { branch: 'SH01' }, passwordReset: true }, { entity: null, recordId: 'u-9', actorName: 'admin' });

function renderAudit(routes: Parameters<typeof renderRoute>[1]['routes'], path = '/audit') {
  return renderRoute(<AuditPage />, { path, pattern: '/audit', routes: { 'GET /api/audit/entities': { body: entities }, ...routes } });
}

describe('AuditPage', () => {
  it('lists entries newest first with labels, and opens one to its before and after by keyboard', async () => {
    renderAudit({ 'GET /api/audit?order=desc&limit=51': { body: [update, reset] } });
    const row = (await screen.findByText('12')).closest('tr')!;
    expect(within(row).getByText('Changed')).toBeTruthy();
    expect(within(row).getByText('1 field changed: Mobile')).toBeTruthy();
    expect(screen.getByText('Entries 1 to 2')).toBeTruthy();
    const user = userEvent.setup();
    within(row).getByRole('button', { name: 'Show the changes of entry 12' }).focus();
    await user.keyboard('{Enter}');
    const diff = screen.getByRole('table', { name: 'Changes in entry 12' });
    const cells = within(diff).getAllByRole('row')[1]!.querySelectorAll('th, td');
    expect([...cells].map((c) => c.textContent)).toEqual(['Mobile', '138****5678', '139****4321']);
    await user.click(screen.getByRole('button', { name: 'Show the changes of entry 11' }));
    expect(screen.getByText('The password was reset. The log never keeps passwords.')).toBeTruthy();
  });

  it('searches by record, user, action and time range, keeps the search in the address, and exports that search', async () => {
    // Typed as the English page writes it: month/day/year and a 24-hour time, in the reader's zone.
    const from = '2026-03-01T08:00';
    const typed = '03/01/2026 08:00';
    const search = `entity=customer&recordId=c-1&actor=wang_fang&action=update&from=${encodeURIComponent(new Date(from).toISOString())}&order=desc`;
    const { server } = renderAudit({
      'GET /api/audit?order=desc&limit=51': { body: [update, reset] },
      [`GET /api/audit?${search}&limit=51`]: { body: [update] },
    });
    await screen.findByText('12');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Record type'), 'customer');
    await user.type(screen.getByLabelText('Record ID'), 'c-1');
    await user.type(screen.getByLabelText('User'), 'wang_fang');
    await user.selectOptions(screen.getByLabelText('Action'), 'update');
    await user.type(screen.getByLabelText('From'), typed);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('Entries 1 to 1')).toBeTruthy();
    expect(where()).toBe(`/audit?entity=customer&recordId=c-1&actor=wang_fang&action=update&from=${encodeURIComponent(new Date(from).toISOString())}`);
    expect(server.requests.at(-1)!.url).toBe(`/api/audit?${search}&limit=51`);
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(`/api/audit/export?${search}`);
  });

  it('refuses an end before the start without asking the server', async () => {
    const { server } = renderAudit({ 'GET /api/audit?order=desc&limit=51': { body: [] } });
    expect(await screen.findByText('No entry matches this search.')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('From'), '03/02/2026 00:00');
    await user.type(screen.getByLabelText('Until'), '03/01/2026 00:00');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByText('The end must be later than the start.')).toBeTruthy();
    expect(server.requests.filter((r) => r.url.startsWith('/api/audit?'))).toHaveLength(1);
  });

  it('pages to older entries and back', async () => {
    const many = Array.from({ length: 51 }, (_, i) => entry(200 - i, 'read', { fields: ['mobile'] }));
    renderAudit({
      'GET /api/audit?order=desc&limit=51': { body: many },
      'GET /api/audit?order=desc&limit=51&beforeSeq=151': { body: [entry(150, 'read', { fields: ['mobile'] })] },
    });
    expect(await screen.findByText('Entries 1 to 50')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('Entries 51 to 51')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Older' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByText('Entries 1 to 50')).toBeTruthy();
  });

  it('verifies the chain with progress and says where it breaks', async () => {
    renderAudit({
      'GET /api/audit?order=desc&limit=51': { body: [update] },
      'GET /api/audit/verify?fromSeq=1&limit=2000': { body: { ok: true, entries: 2000, total: 2500, headHash: 'a', nextSeq: 2001 } },
      'GET /api/audit/verify?fromSeq=2001&limit=2000': { body: { ok: false, entries: 2040, total: 2500, headHash: 'b', firstBroken: { seq: 2041, reason: 'hashMismatch' } } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The chain is broken at entry 2041: its contents no longer match its hash. 2040 entries before it are intact.');
  });

  it('says the chain is intact, in Chinese too', async () => {
    await initTestI18n('zh-CN');
    renderAudit({
      'GET /api/audit?order=desc&limit=51': { body: [update] },
      'GET /api/audit/verify?fromSeq=1&limit=2000': { body: { ok: true, entries: 12, total: 12, headHash: 'abcdef0123456789' } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '校验哈希链' }));
    const verdict = await screen.findByText(/^哈希链完整：共 12 条，无篡改、删除或插入。/);
    expect(verdict.textContent).toContain('链头哈希：abcdef0123456789');
    expect(screen.getByText('修改了 1 个字段：手机号')).toBeTruthy();
  });

  it('tells a reader without the audit grant why there is nothing', async () => {
    renderAudit({ 'GET /api/audit?order=desc&limit=51': problem(403, 'forbidden'), 'GET /api/audit/entities': problem(403, 'forbidden') });
    expect((await screen.findByRole('alert')).textContent).toContain('Reading the audit log needs the audit grant');
  });
});
