import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem } from '@bankforge/app-shell/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { DashboardNav } from './DashboardNav.js';

beforeEach(() => initTestI18n('zh-CN'));
afterEach(cleanup);

function renderNav(answer: Parameters<typeof fakeApi>[0][string]) {
  const server = fakeApi({ 'GET /api/dashboards': answer });
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter>
        <DashboardNav />
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return server;
}

describe('DashboardNav', () => {
  it("links the reader's dashboards by their names in the UI language", async () => {
    renderNav({ body: [{ key: 'branch_overview', title: 'Branch overview', label: { en: 'Branch overview', 'zh-CN': '网点概览' }, version: 2 }, { key: 'rm_book', title: 'My book', version: 1 }] });
    const nav = await screen.findByRole('navigation', { name: '仪表板' });
    expect([...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['网点概览', '/dashboards/branch_overview'],
      ['My book', '/dashboards/rm_book'],
    ]);
  });

  it('shows nothing without dashboards, or when they cannot be listed', async () => {
    const server = renderNav({ body: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.requests).toHaveLength(1);
    expect(screen.queryByRole('navigation')).toBeNull();
    cleanup();
    renderNav(problem(500, 'internal'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
