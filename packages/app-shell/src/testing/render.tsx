import type { ApiClient } from '@bankforge/client';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router-dom';
import { ApiClientProvider } from '../api/ApiClientContext.js';

/** Where the router is, so a test can see a navigation happen. */
function Destination() {
  const location = useLocation();
  return <p data-testid="destination">{`${location.pathname}${location.search}`}</p>;
}

/**
 * Renders a page at `path` of an app's router with the given client. The page answers the
 * route `pattern`; any other location renders a marker naming it. The router is a data router,
 * as the apps' are, so a page may block navigation.
 */
export function renderPage(page: ReactElement, client: ApiClient, { path = '/', pattern = '/' } = {}) {
  const router = createMemoryRouter(
    [
      { path: pattern, element: page },
      { path: '*', element: <Destination /> },
    ],
    { initialEntries: [path] },
  );
  return render(
    <ApiClientProvider client={client}>
      <RouterProvider router={router} />
    </ApiClientProvider>,
  );
}
