import { ApiClient } from '@bankforge/client';

/** The runtime talks to the server it is served from. */
export const api = new ApiClient();
