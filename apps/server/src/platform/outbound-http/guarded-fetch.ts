import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent, type Dispatcher } from 'undici';
import { codeOf, type OutboundPolicy, type ResolvedAddress, type VettedTarget, vetTarget } from './outbound-target.js';

export type { HostResolver, OutboundPolicy, ResolvedAddress } from './outbound-target.js';

export interface OutboundRequest {
  /** GET by default. */
  method?: string;
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  /** Mutual TLS: the client certificate and its private key (PEM), shown only to the first origin. */
  clientCertificate?: { cert: string; key: string };
}

export type OutboundRefusalReason = 'notAllowed' | 'privateAddress' | 'tooManyRedirects' | 'timeout' | 'tooLarge' | 'network' | 'badUrl';

/**
 * Any HTTP answer is `ok` (a 4xx or 5xx too: the caller decides, see `isRetryableStatus`).
 * `detail` names hosts, addresses and error codes, never a header value, a body, a path or a query.
 */
export type OutboundResult =
  | { ok: true; status: number; headers: Readonly<Record<string, string>>; body: Buffer }
  | { ok: false; reason: OutboundRefusalReason; retry: boolean; detail: string };

type Failure = Extract<OutboundResult, { ok: false }>;

/** One hop's request, method upper case, without the headers the client sets itself. */
interface HopRequest {
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  clientCertificate?: { cert: string; key: string };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Set by the client from the URL and the body; a caller's own would mislead a virtual host. */
const CLIENT_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);
/** What the fetch standard drops when a redirect leaves the origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * An HTTP request that reaches only what `policy` allows: http(s) only; the host resolved and every
 * address checked (not public: refused unless allow-listed); the connection made to the checked
 * address itself (a DNS answer changing in between, "rebinding", cannot redirect it); redirects
 * followed here, each hop checked again; one deadline for everything; the answer capped.
 */
export async function guardedFetch(url: string | URL, request: OutboundRequest, policy: OutboundPolicy): Promise<OutboundResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), policy.timeoutMs);
  try {
    return await follow(url, request, policy, deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** 408, 425, 429 and 5xx: the same request may succeed later. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

async function follow(start: string | URL, first: OutboundRequest, policy: OutboundPolicy, signal: AbortSignal): Promise<OutboundResult> {
  let url = parseUrl(start);
  if (typeof url === 'string') return fail('badUrl', false, url);
  let request: HopRequest = { method: (first.method ?? 'GET').toUpperCase(), headers: ownHeaders(first.headers), body: first.body, clientCertificate: first.clientCertificate };
  for (let hop = 0; ; hop++) {
    const target = await untilDeadline(vetTarget(url, policy), signal);
    if (target === undefined) return timedOut(policy);
    if ('reason' in target) return { ok: false, ...target };
    const answer = await send(target, request, policy, signal);
    if (!('redirect' in answer)) return answer;
    if (hop >= policy.maxRedirects) return fail('tooManyRedirects', false, `refused: more than ${policy.maxRedirects} redirects from ${target.hostPort}`);
    const next = parseUrl(answer.redirect, url);
    if (typeof next === 'string') return fail('badUrl', false, `redirect from ${target.hostPort}: ${next}`);
    if (url.protocol === 'https:' && next.protocol === 'http:') return fail('notAllowed', false, `refused: a redirect from ${target.hostPort} downgrades https to http`);
    request = redirected(request, answer.status, url.origin !== next.origin);
    url = next;
  }
}

/** One hop, connected only to the vetted addresses. */
async function send(target: VettedTarget, request: HopRequest, policy: OutboundPolicy, signal: AbortSignal): Promise<OutboundResult | { redirect: string; status: number }> {
  const agent = new Agent({ connect: { lookup: pinnedLookup(target.addresses), ...request.clientCertificate }, connections: 1, pipelining: 0 });
  try {
    const answer = await agent.request({
      origin: target.url.origin,
      path: target.url.pathname + target.url.search,
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal,
      // Our deadline rules; undici's own five-minute timeouts would only be later.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    const location = answer.headers.location;
    if (REDIRECTS.has(answer.statusCode) && typeof location === 'string') {
      discard(answer.body);
      return { redirect: location, status: answer.statusCode };
    }
    const declared = Number(answer.headers['content-length']);
    if (Number.isFinite(declared) && declared > policy.maxAnswerBytes) {
      discard(answer.body);
      return tooLarge(target, policy);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > policy.maxAnswerBytes) {
        discard(answer.body);
        return tooLarge(target, policy);
      }
      chunks.push(chunk);
    }
    return { ok: true, status: answer.statusCode, headers: flatHeaders(answer.headers), body: Buffer.concat(chunks) };
  } catch (error) {
    if (signal.aborted) return timedOut(policy);
    const code = codeOf(error);
    // An argument the client refuses (a bad header or method) fails the same way every time.
    return fail('network', code !== 'UND_ERR_INVALID_ARG', `could not reach ${target.hostPort} (${code})`);
  } finally {
    agent.destroy().catch(() => undefined);
  }
}

/**
 * A `net.connect` lookup that answers the vetted addresses whatever the name: the check and the
 * connection see the same DNS answer. Honours `all` (Node's happy eyeballs asks for every address).
 */
function pinnedLookup(addresses: readonly ResolvedAddress[]) {
  return (_hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    const first = wanted[0];
    if (first === undefined) {
      const error: NodeJS.ErrnoException = new Error('no vetted address of the requested family');
      error.code = 'ENOTFOUND';
      callback(error, '');
    } else if (options.all === true) callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, first.address, first.family);
  };
}

/** Drops an answer's unread rest; undici reports that as an abort error, expected here. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** The request for the next hop: 303 (and 301/302 after a POST) become a GET without a body. */
function redirected(request: HopRequest, status: number, crossOrigin: boolean): HopRequest {
  const toGet = (status === 303 && request.method !== 'HEAD') || ((status === 301 || status === 302) && request.method === 'POST');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (crossOrigin && CREDENTIAL_HEADERS.has(lower)) continue;
    if (toGet && lower.startsWith('content-')) continue;
    headers[name] = value;
  }
  // A client certificate is a credential too: not presented to another origin.
  const clientCertificate = crossOrigin ? undefined : request.clientCertificate;
  return toGet ? { method: 'GET', headers, body: undefined, clientCertificate } : { ...request, headers, clientCertificate };
}

function parseUrl(raw: string | URL, base?: URL): URL | string {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return 'not an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs are allowed';
  if (url.username !== '' || url.password !== '') return 'a URL may not carry credentials (send them in a header)';
  return url;
}

function ownHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !CLIENT_HEADERS.has(name.toLowerCase())));
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

/** The promise's value, or undefined once the deadline passed (a DNS lookup cannot be cancelled). */
function untilDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function fail(reason: OutboundRefusalReason, retry: boolean, detail: string): Failure {
  return { ok: false, reason, retry, detail };
}

function timedOut(policy: OutboundPolicy): Failure {
  return fail('timeout', true, `no complete answer within ${policy.timeoutMs} ms`);
}

function tooLarge(target: VettedTarget, policy: OutboundPolicy): Failure {
  return fail('tooLarge', false, `the answer of ${target.hostPort} is larger than ${policy.maxAnswerBytes} bytes`);
}
