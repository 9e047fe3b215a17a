import { Inject, Injectable } from '@nestjs/common';
import type { Connector, ConnectorMethod, ConnectorRefusal } from '@bankforge/client';
import { guardedFetch, isRetryableStatus, type OutboundPolicy } from '../../platform/outbound-http/guarded-fetch.js';
import { ConnectorCredentials } from './connector-auth.js';
import { ConnectorStore } from './connector-store.js';

/** One request through a connector, relative to its base URL. */
export interface ConnectorCall {
  method: ConnectorMethod;
  /** Appended to the base URL's path (`/customers/42`); only a path: the host stays the connector's. */
  path: string;
  query?: Readonly<Record<string, string>>;
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
}

export type ConnectorCallResult =
  | { ok: true; status: number; headers: Record<string, string>; body: Buffer; durationMs: number; attempts: number }
  | { ok: false; reason: ConnectorRefusal; retry: boolean; detail: string; durationMs: number; attempts: number };

/** One attempt's outcome, before it is timed and counted. */
type Attempt = { ok: true; status: number; headers: Record<string, string>; body: Buffer } | { ok: false; reason: ConnectorRefusal; retry: boolean; detail: string };

/** The largest answer a connector takes. */
const MAX_ANSWER_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 4_000;

/** How long to wait before attempt `n + 1` (n from 0): doubling from 250 ms, at most 4 s. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_MAX_MS);
}

/** The connector's base URL with the call's path and query: the host can only be the base URL's. */
export function connectorUrl(baseUrl: string, path: string, query: Readonly<Record<string, string>> = {}): URL {
  const url = new URL(baseUrl);
  // Setting `pathname` never changes the host, whatever the path holds (`//elsewhere` stays a path).
  if (path !== '') url.pathname = url.pathname.replace(/\/$/, '') + path;
  for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
  return url;
}

/**
 * What flows and automations call: a request through a named connector, with its auth, timeout
 * and the administrator's allow-list, through `guardedFetch`. A retryable failure (timeout, network
 * error, 408, 425, 429, 5xx) is sent again up to the connector's `retries`, with backoff.
 */
@Injectable()
export class ConnectorCalls {
  private readonly credentials = new ConnectorCredentials();

  constructor(@Inject(ConnectorStore) private readonly store: ConnectorStore) {}

  /** `once`: no retries (the administrator's Test button). Throws 404 `connectorNotFound` for an unknown key. */
  async call(key: string, request: ConnectorCall, options: { once?: boolean } = {}): Promise<ConnectorCallResult> {
    const { connector, secret } = await this.store.withSecret(key);
    const policy: OutboundPolicy = { allowedHosts: new Set(await this.store.allowedHosts()), timeoutMs: connector.timeoutMs, maxRedirects: MAX_REDIRECTS, maxAnswerBytes: MAX_ANSWER_BYTES };
    const started = performance.now();
    const tries = options.once === true ? 1 : connector.retries + 1;
    for (let attempt = 0; ; attempt++) {
      const result = await this.attempt(connector, secret, request, policy);
      const durationMs = Math.round(performance.now() - started);
      const retryable = result.ok ? isRetryableStatus(result.status) : result.retry;
      if (!retryable || attempt + 1 >= tries) return result.ok ? { ...result, durationMs, attempts: attempt + 1 } : { ...result, durationMs, attempts: attempt + 1 };
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }

  private async attempt(connector: Connector, secret: string | undefined, request: ConnectorCall, policy: OutboundPolicy): Promise<Attempt> {
    const credentials = await this.credentials.of(connector, secret, policy);
    if (!credentials.ok) return credentials;
    // Later wins, names compared in lower case: the auth over the call's headers over the connector's.
    const headers: Record<string, string> = {};
    for (const source of [connector.headers, request.headers ?? {}, credentials.credentials.headers]) {
      for (const [name, value] of Object.entries(source)) headers[name.toLowerCase()] = value;
    }
    const withBody = request.method !== 'GET' && request.method !== 'HEAD';
    const answer: Attempt = await guardedFetch(
      connectorUrl(connector.baseUrl, request.path, request.query),
      { method: request.method, headers, body: withBody ? request.body : undefined, clientCertificate: credentials.credentials.clientCertificate },
      policy,
    );
    if (answer.ok && answer.status === 401 && connector.auth.kind === 'oauth2ClientCredentials') this.credentials.forget(connector);
    return answer;
  }
}
