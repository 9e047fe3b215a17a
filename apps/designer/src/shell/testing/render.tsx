import type { ApiClient } from '@bankforge/client';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { ApiClientProvider } from '../api/ApiClientContext.js';

/** Where the router is, so a test can see a navigation happen. */
function Destination() {
  const location = useLocation();
  const params = useParams();
  return <p data-testid="destination">{`${location.pathname} ${params.key ?? ''}`}</p>;
}

/**
 * Renders a page at `path` of the designer's router with the given client. Routes other than
 * `pattern` render a marker naming the location reached.
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
