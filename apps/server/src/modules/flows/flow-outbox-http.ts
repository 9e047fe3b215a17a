import type { JsonValue } from '@bankforge/flow-engine';
import type { ConnectorCall, ConnectorCallResult } from '../connectors/connector-calls.js';
import type { CallPayload } from './flow-outbox.js';

/** How long one request may take, answer included. */
export const CALL_TIMEOUT_MS = 10_000;
/** A larger answer is refused: only the mapped outputs reach the case, and memory is shared. */
const MAX_ANSWER_BYTES = 1024 * 1024;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A call's outcome. `retry`: the same request may succeed later (a network error, a timeout, 408,
 * 425, 429, 5xx); anything else (a refused host, a bad config, a redirect, another 4xx) will not.
 * `error` is short and never holds a body, a header or a variable's value.
 */
export type CallResult = { ok: true; output: Record<string, JsonValue> } | { ok: false; error: string; retry: boolean };

interface OutboundRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** `BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS`: host names (or `host:port`), comma separated; empty: no calls at all. */
export function allowedHosts(setting = process.env.BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS ?? ''): ReadonlySet<string> {
  return new Set(
    setting
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
  );
}

/**
 * Sends an `http` or `webhook` step's request. Its node's `config`:
 * - `url` (required): an absolute http(s) URL, static (no variables: the host is what the allow-list checks);
 * - `method`: GET, POST (the default), PUT, PATCH or DELETE;
 * - `headers`: `{name: value}`, strings; `Idempotency-Key` is always the outbox entry's id;
 * - `body`: a JSON object, sent with POST, PUT and PATCH (a body the flow writes as a FEEL template
 *   reaches here already evaluated by the engine, over the case at that attempt: `evaluateRequestBody`);
 * - `variables`: names of case variables added to the body's top level (only these leave the server).
 * A 2xx answer's JSON object is the step's output (the node's `outputs` map paths in it); any other
 * 2xx answer gives an empty output.
 */
export async function sendCall(entryId: string, call: CallPayload, allowed: ReadonlySet<string>): Promise<CallResult> {
  const request = requestOf(entryId, call);
  if (typeof request === 'string') return { ok: false, error: `service config: ${request}`, retry: false };
  if (allowed.size === 0) return { ok: false, error: 'outbound calls are off (BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS is empty)', retry: false };
  if (!allowed.has(request.url.hostname) && !allowed.has(request.url.host)) {
    return { ok: false, error: `host ${request.url.hostname} is not in BANKFORGE_FLOW_HTTP_ALLOWED_HOSTS`, retry: false };
  }
  try {
    // No redirects: a redirect could lead past the allow-list.
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel();
      if (response.status >= 300 && response.status < 400) return { ok: false, error: `redirect refused (HTTP ${response.status})`, retry: false };
      const retry = response.status >= 500 || [408, 425, 429].includes(response.status);
      return { ok: false, error: `HTTP ${response.status}`, retry };
    }
    const answer = await answerOf(response);
    return answer === undefined ? { ok: false, error: 'answer larger than 1 MiB', retry: false } : { ok: true, output: answer };
  } catch (error) {
    return { ok: false, error: transportError(error), retry: true };
  }
}

/**
 * A step sent through a named connector (`config.connector`): `path` (static, under the
 * connector's base URL) instead of `url`; method, headers, body and variables as for a URL. The
 * connector brings its auth, timeout, the administrator's allow-list and SSRF checks on every hop.
 */
export function connectorRequestOf(entryId: string, call: CallPayload): { connector: string; request: ConnectorCall } | string {
  const { connector, path = '' } = call.config;
  if (typeof connector !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(connector)) return 'connector must be a connector key';
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) return 'path must start with /';
  const shaped = shapeOf(entryId, call);
  if (typeof shaped === 'string') return shaped;
  return { connector, request: { method: shaped.method as ConnectorCall['method'], path, headers: shaped.headers, ...(shaped.body !== undefined ? { body: shaped.body } : {}) } };
}

/** A connector's answer as the step's outcome: retry as `sendCall` does; no redirect is left (the connector followed and checked them). */
export function connectorOutcome(result: ConnectorCallResult): CallResult {
  if (!result.ok) return { ok: false, error: `${result.reason}: ${result.detail}`, retry: result.retry };
  if (result.status < 200 || result.status >= 300) return { ok: false, error: `HTTP ${result.status}`, retry: result.status >= 500 || [408, 425, 429].includes(result.status) };
  return { ok: true, output: objectOf(result.body) };
}

function requestOf(entryId: string, call: CallPayload): OutboundRequest | string {
  const { url: rawUrl } = call.config;
  if (typeof rawUrl !== 'string') return 'url is required';
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'url is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must be http or https';
  if (url.username !== '' || url.password !== '') return 'url may not carry credentials (use headers)';
  const shaped = shapeOf(entryId, call);
  return typeof shaped === 'string' ? shaped : { url, ...shaped };
}

/** The method, headers and body a step's config gives, wherever it is sent. */
function shapeOf(entryId: string, call: CallPayload): Omit<OutboundRequest, 'url'> | string {
  const { method: rawMethod, headers: rawHeaders, body: rawBody, variables: named } = call.config;
  const method = rawMethod === undefined ? 'POST' : typeof rawMethod === 'string' ? rawMethod.toUpperCase() : '';
  if (!METHODS.has(method)) return 'method must be GET, POST, PUT, PATCH or DELETE';
  const headers: Record<string, string> = {};
  if (rawHeaders !== undefined) {
    if (!isObject(rawHeaders) || Object.values(rawHeaders).some((v) => typeof v !== 'string')) return 'headers must map names to strings';
    Object.assign(headers, rawHeaders);
  }
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'idempotency-key') delete headers[name];
  headers['Idempotency-Key'] = entryId;
  if (named !== undefined && (!Array.isArray(named) || named.some((v) => typeof v !== 'string'))) return 'variables must be a list of variable names';
  if (rawBody !== undefined && !isObject(rawBody)) return 'body must be a JSON object';
  if (!WITH_BODY.has(method)) {
    if (rawBody !== undefined || (Array.isArray(named) && named.length > 0)) return `${method} sends no body`;
    return { method, headers };
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return { method, headers, body: JSON.stringify({ ...(rawBody ?? {}), ...call.variables }) };
}

/** The answer's JSON object, `{}` for any other answer, undefined when it is too large. */
async function answerOf(response: Response): Promise<Record<string, JsonValue> | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return {};
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return objectOf(Buffer.concat(chunks));
}

/** An answer body's JSON object; `{}` for anything else. */
function objectOf(body: Buffer): Record<string, JsonValue> {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as JsonValue;
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** The kind of failure only (a timeout, a system error code): messages may quote what was sent. */
function transportError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `timed out after ${CALL_TIMEOUT_MS / 1000} s`;
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' ? `network error (${code})` : 'network error';
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
