import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';

/**
 * The browser apps run under a strict policy: scripts only from this origin and never evaluated
 * from strings (no 'unsafe-eval', no inline scripts), so an injected value cannot run as code.
 * Form validators are same-origin modules generated at publish time for that reason. Inline
 * styles stay allowed (React style props, Monaco's layout); workers come from this origin.
 */
const STRICT_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The OpenAPI page (swagger-ui) needs its inline bootstrap script; it is the only page that does. */
const DOCS_DIRECTIVES = { ...STRICT_DIRECTIVES, 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'", 'https:'] };

export function securityHeaders(hsts: boolean) {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_DIRECTIVES }, strictTransportSecurity: hsts });
  const docs = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DOCS_DIRECTIVES }, strictTransportSecurity: hsts });
  return (request: Request, response: Response, next: NextFunction) => (request.path.startsWith('/api/docs') ? docs : strict)(request, response, next);
}
