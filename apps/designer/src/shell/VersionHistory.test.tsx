import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi } from '@bankforge/app-shell/testing';
import { initTestI18n } from './testing/i18n.js';
import { VersionHistory } from './VersionHistory.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const VERSIONS = 'GET /api/artifacts/entity/customer/versions';
const versions = [
  { version: 1, publishedAt: '2026-01-05T08:00:00.000Z', publishedBy: 'u-1', publisher: { name: 'Administrator', username: 'admin' } },
  { version: 2, publishedAt: '2026-02-05T08:00:00.000Z', publishedBy: 'u-2', publisher: { name: '黄磊', username: 'huang_lei' } },
  { version: 3, publishedAt: '2026-03-05T08:00:00.000Z', publishedBy: null, publisher: null },
];

const v = (version: number, fields: { id: string; key: string }[]) => ({ body: { document: { kind: 'entity', key: 'customer', title: 'Customer', version, fields } } });
const documents = {
  'GET /api/artifacts/entity/customer?version=1': v(1, []),
  'GET /api/artifacts/entity/customer?version=2': v(2, [{ id: 'f_0', key: 'name' }]),
  'GET /api/artifacts/entity/customer?version=3': v(3, [{ id: 'f_0', key: 'name' }, { id: 'f_1', key: 'employer' }]),
};
const income = { type: 'field', id: 'f_income', label: { en: 'Monthly income', 'zh-CN': '月收入' } };

function renderHistory(routes: Parameters<typeof fakeApi>[0], onRestore?: (document: unknown) => void) {
  const server = fakeApi({ ...documents, ...routes });
  render(
    <ApiClientProvider client={server.client}>
      <VersionHistory kind="entity" artifactKey="customer" latestVersion={3} {...(onRestore ? { onRestore } : {})} />
    </ApiClientProvider>,
  );
  return server;
}

describe('VersionHistory', () => {
  it('lists the versions newest first with who published them, by name', async () => {
    renderHistory({ [VERSIONS]: { body: versions } });
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent)[0])).toEqual(['v3', 'v2', 'v1']);
    expect(within(rows[1]!).getAllByRole('cell')[2]!.textContent).toBe('黄磊 (huang_lei)');
    expect(within(rows[0]!).getAllByRole('cell')[2]!.textContent).toBe('BankForge (the example or an import)');
    // Without a way to take a version as the draft, none is offered.
    expect(screen.queryByRole('button', { name: /Restore/ })).toBeNull();
  });

  it('compares the two latest versions by default and says each change with its element’s name', async () => {
    const server = renderHistory({
      [VERSIONS]: { body: versions },
      'GET /api/artifacts/entity/customer/versions/2/diff/3': {
        body: {
          from: 2,
          to: 3,
          changes: [
            { op: 'replace', path: '/label/en', property: 'label.en', from: 'Client', value: 'Customer' },
            { op: 'add', path: '/fields/1', element: { type: 'field', id: 'f_1', label: { en: 'Employer' } }, value: { id: 'f_1', key: 'employer' } },
            { op: 'replace', path: '/fields/0/required', element: income, property: 'required', from: false, value: true },
            { op: 'replace', path: '/fields/0/label/zh-CN', element: income, property: 'label.zh-CN', from: '收入', value: '月收入' },
            { op: 'remove', path: '/fields/3', element: { type: 'field', id: 'f_3', label: { en: 'Fax' } }, from: {} },
            { op: 'move', path: '/fields/2', element: { type: 'field', id: 'f_2', label: { en: 'Segment' } }, from: { position: 4 }, value: { position: 3 } },
          ],
        },
      },
    });
    const user = userEvent.setup();
    await screen.findAllByRole('row');
    expect((screen.getByLabelText('From version') as HTMLSelectElement).value).toBe('2');
    expect((screen.getByLabelText('To version') as HTMLSelectElement).value).toBe('3');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const diff = await screen.findByRole('region', { name: 'Changes from v2 to v3' });
    const items = within(diff).getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('diff-list'));
    expect(items.map((i) => i.textContent)).toEqual([
      'Changed name (English): Client → Customer',
      "Added Field 'Employer'",
      "Changed Field 'Monthly income'required: false → truename (Chinese): 收入 → 月收入",
      "Removed Field 'Fax'",
      "Moved Field 'Segment' from position 4 to 3",
    ]);
    expect(server.requests.map((r) => r.url)).toContain('/api/artifacts/entity/customer/versions/2/diff/3');
  });

  it('compares any two chosen versions', async () => {
    const server = renderHistory({
      [VERSIONS]: { body: versions },
      'GET /api/artifacts/entity/customer/versions/1/diff/3': { body: { from: 1, to: 3, changes: [] } },
    });
    const user = userEvent.setup();
    await screen.findAllByRole('row');
    await user.selectOptions(screen.getByLabelText('From version'), '1');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(await screen.findByText('The two versions are the same.')).toBeTruthy();
    expect(server.requests.map((r) => r.url)).toContain('/api/artifacts/entity/customer/versions/1/diff/3');
  });

  it('restores any version as the draft after a confirmation, without its version number', async () => {
    const onRestore = vi.fn();
    renderHistory({ [VERSIONS]: { body: versions } }, onRestore);
    const user = userEvent.setup();
    await screen.findAllByRole('row');
    await user.click(screen.getByRole('button', { name: 'Restore version 2 as the draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore version 2 as the draft?' });
    expect(within(dialog).getByText(/The draft becomes version 2 as it was published/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Restore version 2' }));
    expect(onRestore).toHaveBeenCalledWith({ kind: 'entity', key: 'customer', title: 'Customer', fields: [{ id: 'f_0', key: 'name' }] });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Version 2 is now the draft. Publish it to make it the new version.')).toBeTruthy();
  });

  it('says when nothing is published yet', async () => {
    renderHistory({ [VERSIONS]: { body: [] } });
    expect(await screen.findByText('Not published yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Compare' })).toBeNull();
  });
});
