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

type HeaderStep = { set: string; value: string | number | readonly string[] } | { remove: string };

/**
 * The headers a helmet middleware sets and removes, recorded once. With these options (static
 * directives, no nonces, no functions of the request) helmet answers every request alike, so its
 * fourteen middlewares need not run again on each: the steps are replayed in the same order.
 */
function recordHeaders(middleware: ReturnType<typeof helmet>): HeaderStep[] {
  const steps: HeaderStep[] = [];
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void steps.push({ set: name, value }),
    removeHeader: (name: string) => void steps.push({ remove: name }),
  };
  let failure: unknown;
  let done = false;
  middleware({} as Request, response as unknown as Response, (error?: unknown) => {
    failure = error;
    done = true;
  });
  if (!done || failure) throw new Error(`helmet's headers could not be recorded: ${String(failure ?? 'it did not finish at once')}`);
  return steps;
}

function replay(steps: readonly HeaderStep[], response: Response): void {
  for (const step of steps) {
    if ('set' in step) response.setHeader(step.set, step.value);
    else response.removeHeader(step.remove);
  }
}

export function securityHeaders(hsts: boolean) {
  const strict = recordHeaders(helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_DIRECTIVES }, strictTransportSecurity: hsts }));
  const docs = recordHeaders(helmet({ contentSecurityPolicy: { useDefaults: false, directives: DOCS_DIRECTIVES }, strictTransportSecurity: hsts }));
  return (request: Request, response: Response, next: NextFunction) => {
    replay(request.path.startsWith('/api/docs') ? docs : strict, response);
    next();
  };
}
