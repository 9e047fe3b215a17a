import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from '../problem/problem-error.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The origin the browser addressed: the Host header and the scheme the request arrived with.
 * Behind a TLS-terminating proxy, Express reads both from X-Forwarded-Proto/-Host once the
 * operator names the proxy (`trust proxy`); `BANKFORGE_SECURE_COOKIES=true` also declares that
 * browsers reach the server over https.
 */
export function ownOrigin(request: Request, behindTls: boolean): string | undefined {
  const host = request.host;
  if (!host) return undefined;
  const scheme = request.protocol === 'https' || behindTls ? 'https' : 'http';
  return `${scheme}://${host.toLowerCase()}`;
}

/**
 * Why a request comes from another site, or undefined when it does not. Browsers name the
 * initiator in `Origin` (every cross-origin POST, PUT, PATCH, DELETE) and `Sec-Fetch-Site`; a
 * request with neither (curl, an integration with an API key) is not a browser acting for a user.
 */
export function foreignInitiator(request: Request, behindTls: boolean): string | undefined {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site is ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  return origin.toLowerCase() === ownOrigin(request, behindTls) ? undefined : `Origin ${origin} is not this server's`;
}

/**
 * Refuses (403 `crossOriginRequest`) every POST, PUT, PATCH and DELETE another site's page starts.
 * The session cookie is `SameSite=Strict`, but "site" spans every port and sibling host of the
 * domain, so that alone would let a page on another intranet host act with the user's session.
 */
export function refuseCrossOriginWrites(behindTls: boolean) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!MUTATING.has(request.method)) return next();
    const reason = foreignInitiator(request, behindTls);
    if (!reason) return next();
    next(new ProblemError(403, 'crossOriginRequest', `This server accepts changes only from its own pages: ${reason}.`));
  };
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** The one route that takes a file as its body (an import's upload): CSV, XLSX or octet-stream; none of these is a type an HTML form can send. */
const UPLOAD_TYPES = /^(?:text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/octet-stream)$/i;
const isUpload = (request: Request, type: string): boolean => request.method === 'POST' && request.path === '/api/imports' && UPLOAD_TYPES.test(type);

/** Whether the request carries a body: chunked, or a non-zero Content-Length (browsers send 0 on an empty POST). */
function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = request.headers['content-length'];
  return length !== undefined && length.trim() !== '0';
}

/**
 * Every body the API reads is JSON. A write that sends a form (`application/x-www-form-urlencoded`,
 * `multipart/form-data`) or `text/plain`, the three types an HTML form or a CORS-simple request
 * can send, is refused with 415 `unsupportedMediaType` instead of running with no body at all.
 * A write without a body (logout, delete, restore) may omit Content-Type.
 */
export function requireJsonBodies() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!MUTATING.has(request.method)) return next();
    const declared = request.headers['content-type'];
    const type = declared?.split(';')[0]!.trim();
    if (type === undefined ? !hasBody(request) : JSON_TYPE.test(type) || isUpload(request, type)) return next();
    next(
      new ProblemError(415, 'unsupportedMediaType', `Send the request body as application/json${declared === undefined ? '' : `, not ${declared.split(';')[0]!.trim()}`}.`),
    );
  };
}
