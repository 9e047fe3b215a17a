import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';

/** What Node's HTTP parser and timers report, as Node itself would answer them, with our codes. */
const ANSWERS: Record<string, { status: number; reason: string; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headersTooLarge',
    detail: 'The request headers are too large.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, reason: 'Payload Too Large', code: 'payloadTooLarge', detail: 'The chunk extensions of the request body are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'requestTimeout', detail: 'The request was not received in time.' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'malformedRequest', detail: 'The request is not valid HTTP.' };

/** The problem document for an error Node's HTTP server raised before any route saw the request, as raw HTTP/1.1. */
export function clientErrorAnswer(errorCode: string | undefined): string {
  const answer = (errorCode && ANSWERS[errorCode]) || MALFORMED;
  const body = JSON.stringify({
    type: `https://bankforge.dev/problems/${answer.code}`,
    title: answer.reason,
    status: answer.status,
    code: answer.code,
    detail: answer.detail,
  });
  return [
    `HTTP/1.1 ${answer.status} ${answer.reason}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Answers the errors Node's HTTP server handles itself (headers too large: 431, a request not
 * received in time: 408, malformed HTTP: 400) with a problem document like every other error,
 * instead of Node's bare status line. As Node does, nothing is written once an answer has begun.
 */
export function answerClientErrorsAsProblems(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    logger.warn({ code: error.code }, 'client error answered before routing');
    // Closed once the answer is flushed; destroying at once could drop it.
    socket.end(clientErrorAnswer(error.code), () => socket.destroy());
  });
}
