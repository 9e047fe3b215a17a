import { expect } from 'vitest';

/** The demo desk's people sign in with this in the stories (the server is started with BANKFORGE_DEMO_PASSWORD set to it). */
export const DEMO_PASSWORD = 'Demo-Desk-Passw0rd-2026';

/** A JSON call as a signed-in person: method, path, optional body; answers the status and the parsed body. */
export type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

/** Signs in through the API (as the login page does) and answers calls made with that session's cookie. */
export async function apiAs(serverUrl: string, username: string, password: string): Promise<Api> {
  const login = await fetch(`${serverUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status, username).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async (method, path, body) => {
    const response = await fetch(`${serverUrl}${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}
