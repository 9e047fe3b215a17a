import type { ApiClient } from '@bankforge/client';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { ApiClientProvider } from '../api/ApiClientContext.js';

/** Where the router is, so a test can see a navigation happen. */
function Destination() {
  const location = useLocation();
  return <p data-testid="destination">{`${location.pathname}${location.search}`}</p>;
}

/**
 * Renders a page at `path` of an app's router with the given client. The page answers the
 * route `pattern`; any other location renders a marker naming it.
 */
export function renderPage(page: ReactElement, client: ApiClient, { path = '/', pattern = '/' } = {}) {
  return render(
    <ApiClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={pattern} element={page} />
          <Route path="*" element={<Destination />} />
        </Routes>
      </MemoryRouter>
    </ApiClientProvider>,
  );
}
