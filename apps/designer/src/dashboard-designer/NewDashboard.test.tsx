import { fakeApi, renderPage } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactList } from '../shell/ArtifactList.js';
import { initTestI18n } from '../shell/testing/i18n.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('dashboards in the artifact list', () => {
  it('lists the dashboards with a link to their designer', async () => {
    const server = fakeApi({
      'GET /api/artifacts/dashboard': { body: [{ kind: 'dashboard', key: 'branch_performance', title: 'Branch performance', revision: 2, latestVersion: 1, state: 'published', updatedAt: '2026-03-03T10:00:00.000Z' }] },
    });
    renderPage(<ArtifactList />, server.client, { path: '/?kind=dashboard' });
    expect(screen.getByRole('tab', { name: 'Dashboards' }).getAttribute('aria-selected')).toBe('true');
    expect((await screen.findByRole('link', { name: 'Branch performance' })).getAttribute('href')).toBe('/dashboard/branch_performance');
  });

  it('stores a new dashboard without widgets, named by the title and the Chinese name given, and opens the dashboard designer', async () => {
    const server = fakeApi({
      'GET /api/artifacts/entity': { body: [] },
      'PUT /api/artifacts/dashboard/branch_performance': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    renderPage(<ArtifactList />, server.client);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'New dashboard' }));
    const dialog = screen.getByRole('dialog', { name: 'New dashboard' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'branch_performance');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Branch performance');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name in Chinese' }), '网点业绩');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/dashboard/branch_performance');
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"0"');
    expect(put.body).toEqual({ kind: 'dashboard', key: 'branch_performance', title: 'Branch performance', label: { en: 'Branch performance', 'zh-CN': '网点业绩' }, filters: [], widgets: [] });
  });
});
