/**
 * Connectors: named HTTP connections to the bank's other systems (core banking, credit bureau),
 * managed by administrators and used by flows' service steps and automations. Secrets are written,
 * never read back: an answer says only `hasSecret`.
 */

/** How a connector proves who it is. The secret part (key, password, client secret, PEM) is sent apart, in `secret`. */
export type ConnectorAuth =
  | { kind: 'none' }
  /** The API key's value is sent in this header. */
  | { kind: 'apiKey'; header: string }
  /** HTTP basic: this username and the secret as password. */
  | { kind: 'basic'; username: string }
  /** OAuth 2 client credentials: a token fetched from `tokenUrl` with the client id and the secret, sent as a bearer token. */
  | { kind: 'oauth2ClientCredentials'; tokenUrl: string; clientId: string; scope?: string }
  /** Mutual TLS: the secret is the client certificate and its private key, both PEM, one after the other. */
  | { kind: 'clientCertificate' };

export type ConnectorAuthKind = ConnectorAuth['kind'];

export interface ConnectorName {
  en: string;
  'zh-CN': string;
}

/** A connector as the API answers it: never its secret. */
export interface Connector {
  key: string;
  name: ConnectorName;
  baseUrl: string;
  auth: ConnectorAuth;
  hasSecret: boolean;
  timeoutMs: number;
  retries: number;
  /** Sent with every request (the request's own headers and the auth win over them). */
  headers: Record<string, string>;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A connector as designers choose it for a flow's service step or an automation: its key and name, nothing else. */
export type ConnectorChoice = Pick<Connector, 'key' | 'name'>;

/** A new connector. */
export interface ConnectorInput {
  key: string;
  name: ConnectorName;
  baseUrl: string;
  auth: ConnectorAuth;
  secret?: string | null;
  /** 10,000 when left out; at most 60,000. */
  timeoutMs?: number;
  /** 0 to 5 retries of a retryable failure (timeouts, network errors, 408, 425, 429, 5xx), with backoff. */
  retries?: number;
  headers?: Record<string, string>;
}

/** A change: everything again, and the version it was read at. No `secret`: the stored one is kept; `secret: null` clears it. */
export type ConnectorChange = Omit<ConnectorInput, 'key'> & { version: number };

/** Hosts on the bank's own network connectors may call despite their private addresses: `host` or `host:port`. */
export interface ConnectorAllowedHosts {
  hosts: string[];
}

export type ConnectorMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** `POST /api/connectors/{key}/test`: one request, sent once, relative to the base URL. */
export interface ConnectorTestRequest {
  method: ConnectorMethod;
  /** Appended to the base URL's path; starts with `/`. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

/** Why a request did not get an answer, in the administrator's words (`detail`). */
export type ConnectorRefusal = 'notAllowed' | 'privateAddress' | 'tooManyRedirects' | 'timeout' | 'tooLarge' | 'network' | 'badUrl' | 'tokenRefused';

export type ConnectorTestResult =
  | {
      ok: true;
      status: number;
      durationMs: number;
      /** Lower-case names; no `set-cookie`. */
      headers: Record<string, string>;
      /** The first 64 KB, as text. */
      body: string;
      truncated: boolean;
    }
  | { ok: false; reason: ConnectorRefusal; detail: string; durationMs: number };
