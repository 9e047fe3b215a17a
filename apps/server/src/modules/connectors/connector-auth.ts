import type { Connector } from '@bankforge/client';
import { guardedFetch, type OutboundPolicy, type OutboundResult } from '../../platform/outbound-http/guarded-fetch.js';

/** What a request carries to prove who it is: headers, or a client certificate. */
export interface Credentials {
  headers: Record<string, string>;
  clientCertificate?: { cert: string; key: string };
}

export type CredentialsResult = { ok: true; credentials: Credentials } | { ok: false; reason: Extract<OutboundResult, { ok: false }>['reason'] | 'tokenRefused'; retry: boolean; detail: string };

interface CachedToken {
  token: string;
  /** Epoch ms after which it is not used: shortly before the token endpoint said it expires. */
  until: number;
}

/** A token is dropped this long before it expires, so it does not expire on its way. */
const EXPIRY_MARGIN_MS = 30_000;
/** When the token endpoint gives no `expires_in`. */
const DEFAULT_TOKEN_LIFE_S = 300;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PEM_KEY = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

/** A PEM bundle's certificates (the chain, in order) and its private key; undefined when one is missing. */
export function splitPem(bundle: string): { cert: string; key: string } | undefined {
  const certs = bundle.match(PEM_CERTIFICATE);
  const key = PEM_KEY.exec(bundle)?.[0];
  return certs && key ? { cert: certs.join('\n'), key } : undefined;
}

/**
 * The credentials of each auth kind. OAuth 2 tokens are kept in memory until shortly before they
 * expire, per connector version (a changed connector fetches a new one); a replica without the
 * token simply fetches its own, so nothing that matters lives here.
 */
export class ConnectorCredentials {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(private readonly now: () => number = Date.now) {}

  async of(connector: Connector, secret: string | undefined, policy: OutboundPolicy): Promise<CredentialsResult> {
    const { auth } = connector;
    if (secret === undefined || auth.kind === 'none') return { ok: true, credentials: { headers: {} } };
    switch (auth.kind) {
      case 'apiKey':
        return { ok: true, credentials: { headers: { [auth.header.toLowerCase()]: secret } } };
      case 'basic':
        return { ok: true, credentials: { headers: { authorization: `Basic ${Buffer.from(`${auth.username}:${secret}`, 'utf8').toString('base64')}` } } };
      case 'clientCertificate': {
        const pair = splitPem(secret);
        return pair ? { ok: true, credentials: { headers: {}, clientCertificate: pair } } : { ok: false, reason: 'badUrl', retry: false, detail: 'the stored client certificate is not a PEM certificate and private key' };
      }
      case 'oauth2ClientCredentials': {
        const token = await this.token(connector, auth, secret, policy);
        return token.ok ? { ok: true, credentials: { headers: { authorization: `Bearer ${token.token}` } } } : token;
      }
    }
  }

  /** The server answered 401: its token may have been revoked early; the next call fetches another. */
  forget(connector: Connector): void {
    this.tokens.delete(cacheKey(connector));
  }

  private async token(
    connector: Connector,
    auth: Extract<Connector['auth'], { kind: 'oauth2ClientCredentials' }>,
    secret: string,
    policy: OutboundPolicy,
  ): Promise<{ ok: true; token: string } | Extract<CredentialsResult, { ok: false }>> {
    const cached = this.tokens.get(cacheKey(connector));
    if (cached && cached.until > this.now()) return { ok: true, token: cached.token };
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(auth.scope ? { scope: auth.scope } : {}) });
    // RFC 6749 2.3.1: the client id and secret, form-encoded, as HTTP basic credentials.
    const basic = Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(secret)}`, 'utf8').toString('base64');
    const answer = await guardedFetch(
      auth.tokenUrl,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` }, body: form.toString() },
      policy,
    );
    if (!answer.ok) return { ...answer, detail: `token URL: ${answer.detail}` };
    const host = new URL(auth.tokenUrl).host;
    if (answer.status !== 200) return { ok: false, reason: 'tokenRefused', retry: answer.status >= 500 || answer.status === 429, detail: `the token endpoint ${host} answered ${answer.status}` };
    const token = tokenOf(answer.body);
    if (!token) return { ok: false, reason: 'tokenRefused', retry: false, detail: `the token endpoint ${host} answered no access_token` };
    const life = (token.expiresIn ?? DEFAULT_TOKEN_LIFE_S) * 1000;
    this.tokens.set(cacheKey(connector), { token: token.accessToken, until: this.now() + Math.max(0, life - Math.min(EXPIRY_MARGIN_MS, life / 10)) });
    return { ok: true, token: token.accessToken };
  }
}

function cacheKey(connector: Connector): string {
  return `${connector.key}@${connector.version}`;
}

function tokenOf(body: Buffer): { accessToken: string; expiresIn: number | undefined } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { access_token: accessToken, expires_in: expiresIn } = parsed as { access_token?: unknown; expires_in?: unknown };
  // A token goes into a header: one line of visible characters.
  if (typeof accessToken !== 'string' || !/^[\x21-\x7e]{1,8000}$/.test(accessToken)) return undefined;
  return { accessToken, expiresIn: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : undefined };
}
