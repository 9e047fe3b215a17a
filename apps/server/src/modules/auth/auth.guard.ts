import { Inject, Injectable, SetMetadata, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Actor } from '../access/actor.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { ApiKeyRateLimit, rateLimitHeaders } from './api-key-rate-limit.js';
import { AuthService } from './auth.service.js';
import { DirectoryService } from './directory.service.js';
import { SESSION_COOKIE } from './session-cookie.js';

const PUBLIC = 'bankforge:public';

/** Marks a route anyone may call without signing in (health, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);

type AuthenticatedRequest = Request & { actor?: Actor; sessionToken?: string };

/** The signed-in actor of the request; the guard has set it on every non-public route. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new ProblemError(401, 'unauthenticated', 'Sign in first.');
  return actor;
});

export const SessionToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().sessionToken,
);

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Every route needs a signed-in actor unless marked public: a session cookie (people) or an
 * `Authorization: Bearer bfk_...` API key (integrations). Permissions are then checked by the
 * services, where the data is.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
    @Inject(ApiKeyRateLimit) private readonly keyRates: ApiKeyRateLimit,
  ) {}

  /** Whether each route is public, per controller and handler (a handler may be inherited), read from its metadata once rather than on every request. */
  private readonly publicRoutes = new WeakMap<object, WeakMap<object, boolean>>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic(context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const key = await this.directory.apiKey(bearer);
      if (!key) throw new ProblemError(401, 'invalidApiKey', 'The API key is unknown or revoked.');
      // Counted once the key verified: unknown keys cannot use up a real key's allowance.
      const decision = this.keyRates.take(key.actor.userId!, key.perMinute);
      const headers = rateLimitHeaders(decision);
      if (!decision.allowed) {
        const message = `This API key may make ${decision.limit} requests a minute; retry after ${decision.retryAfterSeconds} s.`;
        throw new ProblemError(
          429,
          'rateLimited',
          message,
          [{ path: '', code: 'rateLimited', message, messageZh: `此 API 密钥每分钟最多调用 ${decision.limit} 次，请 ${decision.retryAfterSeconds} 秒后重试。` }],
          { limit: decision.limit, retryAfterSeconds: decision.retryAfterSeconds },
          headers,
        );
      }
      const response = context.switchToHttp().getResponse<Response>();
      for (const name in headers) response.setHeader(name, headers[name]!);
      request.actor = key.actor;
      return true;
    }
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    request.actor = token ? await this.auth.sessionActor(token) : undefined;
    if (!request.actor) throw new ProblemError(401, 'unauthenticated', token ? 'The session has expired; sign in again.' : 'Sign in first.');
    request.sessionToken = token;
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    const controller = context.getClass();
    const handler = context.getHandler();
    let routes = this.publicRoutes.get(controller);
    if (!routes) this.publicRoutes.set(controller, (routes = new WeakMap()));
    let known = routes.get(handler);
    if (known === undefined) {
      known = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC, [handler, controller]) === true;
      routes.set(handler, known);
    }
    return known;
  }
}

/** Administrators only: user, role and key management, and the audit log. */
export function requireAdmin(actor: Actor): void {
  if (!actor.access.admin) throw new ProblemError(403, 'forbidden', 'Only an administrator may do this.');
}
