import type { Request } from 'express';

export const SESSION_COOKIE = 'bf_session';

/**
 * Writes the session cookie. It is `Secure` when the operator says the server is behind TLS
 * (BANKFORGE_SECURE_COOKIES), whatever the request looks like: a TLS-terminating proxy talks plain
 * HTTP to us. Without that setting it is `Secure` when the request came over HTTPS, which behind a
 * proxy Express knows only from `X-Forwarded-Proto` of a proxy it trusts (BANKFORGE_TRUST_PROXY).
 */
export class SessionCookie {
  constructor(private readonly behindTls: boolean) {}

  header(token: string, maxAgeSeconds: number, request: Request): string {
    const secure = this.behindTls || request.secure;
    return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
  }
}
