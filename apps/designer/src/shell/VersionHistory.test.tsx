import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi } from '@bankforge/app-shell/testing';
import { initTestI18n } from './testing/i18n.js';
import { VersionHistory } from './VersionHistory.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const VERSIONS = 'GET /api/artifacts/entity/customer/versions';
const versions = [
  { version: 1, publishedAt: '2026-01-05T08:00:00.000Z', publishedBy: 'u-alice' },
  { version: 2, publishedAt: '2026-02-05T08:00:00.000Z', publishedBy: 'u-bob' },
  { version: 3, publishedAt: '2026-03-05T08:00:00.000Z', publishedBy: null },
];

const v = (version: number, fields: { id: string; key: string }[]) => ({ body: { document: { kind: 'entity', key: 'customer', title: 'Customer', version, fields } } });
const documents = {
  'GET /api/artifacts/entity/customer?version=1': v(1, []),
  'GET /api/artifacts/entity/customer?version=2': v(2, [{ id: 'f_0', key: 'name' }]),
  'GET /api/artifacts/entity/customer?version=3': v(3, [{ id: 'f_0', key: 'name' }, { id: 'f_1', key: 'employer' }]),
};

function renderHistory(routes: Parameters<typeof fakeApi>[0]) {
  const server = fakeApi({ ...documents, ...routes });
  render(
    <ApiClientProvider client={server.client}>
      <VersionHistory kind="entity" artifactKey="customer" latestVersion={3} />
    </ApiClientProvider>,
  );
  return server;
}

describe('VersionHistory', () => {
  it('lists the versions newest first with who published them', async () => {
    renderHistory({ [VERSIONS]: { body: versions } });
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['v3', 'v2', 'v1']);
    expect(within(rows[2]!).getByText('u-bob')).toBeTruthy();
  });

  it('compares the two latest versions by default and shows each change readably', async () => {
    const server = renderHistory({
      [VERSIONS]: { body: versions },
      'GET /api/artifacts/entity/customer/versions/2/diff/3': {
        body: {
          from: 2,
          to: 3,
          changes: [
            { op: 'replace', path: '/label/en', from: 'Client', value: 'Customer' },
            { op: 'add', path: '/fields/1', value: { id: 'f_1', key: 'employer' } },
            { op: 'replace', path: '/fields/0/required', from: false, value: true },
            { op: 'remove', path: '/consentPurposes/0', from: 'marketing' },
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
    const items = within(diff).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Changed label › en Before "Client" After "Customer"',
      'Added fields › 1 (employer) After { "id": "f_1", "key": "employer" }',
      'Changed fields › 0 (name) › required Before false After true',
      'Removed consentPurposes › 0 Before "marketing"',
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

  it('says when nothing is published yet', async () => {
    renderHistory({ [VERSIONS]: { body: [] } });
    expect(await screen.findByText('Not published yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Compare' })).toBeNull();
  });
});
