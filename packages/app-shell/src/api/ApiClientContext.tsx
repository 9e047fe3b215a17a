import { ApiClient } from '@bankforge/client';
import { createContext, useContext, type ReactNode } from 'react';

/** Each app talks to the server it is served from. */
const ApiClientContext = createContext<ApiClient>(new ApiClient());

/** Lets tests (and any embedding) give the app another client, e.g. one over a fake `fetch`. */
export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

/** The client the app talks to the server with: the provided one, else one for this origin. */
export function useApiClient(): ApiClient {
  return useContext(ApiClientContext);
}
