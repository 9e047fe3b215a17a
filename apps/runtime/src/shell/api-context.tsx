import type { ApiClient } from '@bankforge/client';
import { createContext, useContext, type ReactNode } from 'react';
import { api } from '../api.js';

const ApiClientContext = createContext<ApiClient>(api);

/** Lets tests (and any embedding) give the runtime another client, e.g. one over a fake `fetch`. */
export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

/** The client the runtime talks to the server with: the provided one, else the app's. */
export function useApiClient(): ApiClient {
  return useContext(ApiClientContext);
}
