import { ApiClient } from '@bankforge/client';

/** A request the fake server received, as tests assert on it. */
export interface RecordedRequest {
  method: string;
  /** The path and query after the origin, e.g. `/api/artifacts/entity/customer`. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
}

/** Answers one route; called with the request, may answer differently each time. */
export type FakeHandler = (request: RecordedRequest) => FakeResponse;

/** A problem+json answer as the server sends it. */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}): FakeResponse {
  return { status, body: { type: 'about:blank', title: code, status, code, detail: `${code} detail`, ...extra } };
}

/**
 * A real ApiClient over a fake `fetch`: routes are `"METHOD /api/path"` (query included when
 * present); an unrouted request answers 404 `notRouted`, so a test sees the stray call.
 */
export function fakeApi(routes: Record<string, FakeHandler | FakeResponse>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${url}`];
    const answer = route === undefined ? problem(404, 'notRouted') : typeof route === 'function' ? route(request) : route;
    const status = answer.status ?? 200;
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return new Response(status === 204 ? null : text, { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  };
  return { client: new ApiClient({ fetch }), requests, fetch };
}

/** Answers each call with the next response of the list (the last one repeats). */
export function sequence(...answers: FakeResponse[]): FakeHandler {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)]!;
}
