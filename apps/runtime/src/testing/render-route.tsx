import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import type { RuntimeApp } from '@bankforge/client';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import type { ShellContext } from '../shell/apps/AppHome.js';
import { crmApp } from './approvals.js';

/** Where the router is (path and query), so a test can see a navigation happen. */
function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

/**
 * Renders a page at `path` under `pattern`, inside an outlet that hands it the shell's context
 * (the reader's apps), with a real ApiClient over a fake server answering `routes`.
 */
export function renderRoute(
  page: ReactElement,
  { path, pattern, routes, apps = [crmApp] }: { path: string; pattern: string; routes: Record<string, FakeHandler | FakeResponse>; apps?: RuntimeApp[] },
) {
  const server = fakeApi(routes);
  const context: ShellContext = { apps };
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<Outlet context={context} />}>
            <Route path={pattern} element={page} />
            <Route path="*" element={null} />
          </Route>
        </Routes>
        <Where />
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return { server };
}

/** The text of the page's `where` marker. */
export function where(): string {
  return document.querySelector('[data-testid="where"]')?.textContent ?? '';
}
