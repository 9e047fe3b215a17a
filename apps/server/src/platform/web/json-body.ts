import express, { type NextFunction, type Request, type Response } from 'express';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** JSON (application/json, application/*+json) with no parameter but a UTF-8 charset: what body-parser would parse as UTF-8 too. */
const PLAIN_JSON = /^application\/(?:[\w.+-]+\+)?json(?: *; *charset *= *(?:utf-8|"utf-8") *)?$/i;
const LENGTH = /^\d{1,9}$/;

/** An error as body-parser makes it, so the problem filter answers it alike (400 malformedJson, badRequest). */
function readError(message: string, type: string, body?: string): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true, type, ...(body === undefined ? {} : { body }) });
}

/** body-parser's strict JSON: an empty body is {}, anything else must be an object or an array. */
function parseStrict(text: string): unknown {
  if (text.length === 0) return {};
  const first = /^[ \t\n\r]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw readError(`Unexpected token ${first ?? 'end'} in JSON at position 0`, 'entity.parse.failed', text);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw readError((error as Error).message, 'entity.parse.failed', text);
  }
}

/**
 * The JSON body parser (`limit` bytes at most). A write with a plain UTF-8 JSON body of a declared
 * length, the API's every call, is read here with three listeners and parsed as body-parser's
 * strict JSON parser would; setting that read up (type and charset parsing, raw-body's streams
 * and checks, its debug calls) cost body-parser more than reading and parsing a small body. Any
 * other request (compressed, chunked, another charset or parameter, not a write, too large) goes
 * to body-parser itself, as before.
 */
export function jsonBodies(limit: number) {
  const general = express.json({ limit, type: ['application/json', 'application/*+json'] });
  return (request: Request, response: Response, next: NextFunction): void => {
    const { headers } = request;
    const declared = headers['content-length'];
    const encoding = headers['content-encoding'];
    if (
      !MUTATING.has(request.method) ||
      declared === undefined ||
      !LENGTH.test(declared) ||
      Number(declared) > limit ||
      headers['transfer-encoding'] !== undefined ||
      (encoding !== undefined && encoding.toLowerCase() !== 'identity') ||
      !PLAIN_JSON.test(headers['content-type'] ?? '') ||
      request.readableEnded ||
      request.destroyed
    ) {
      general(request, response, next);
      return;
    }
    const expected = Number(declared);
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (error: Error | undefined): void => {
      request.removeListener('data', onData);
      request.removeListener('end', onEnd);
      request.removeListener('error', onAbort);
      request.removeListener('close', onClose);
      if (error) return next(error);
      let text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received)).toString('utf8');
      // As body-parser's decoder: a byte order mark is not part of the text.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      try {
        request.body = parseStrict(text);
      } catch (failure) {
        return next(failure);
      }
      next();
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      received += chunk.length;
    };
    const onEnd = (): void => finish(received === expected ? undefined : readError('request size did not match content length', 'request.size.invalid'));
    const onAbort = (): void => finish(readError('request aborted', 'request.aborted'));
    const onClose = (): void => {
      if (!request.complete) onAbort();
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onAbort);
    request.once('close', onClose);
  };
}
