/** One invalid input, addressed by a JSON Pointer into the request body (or a query parameter name). */
export interface ProblemFieldError {
  path: string;
  code: string;
  message: string;
  messageZh?: string;
}

/**
 * An error the API answers with an RFC 7807 problem document. `code` is stable: clients branch on
 * it, so it never changes once shipped; `detail` is for people and may be reworded.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: readonly ProblemFieldError[],
    readonly extra?: Readonly<Record<string, unknown>>,
    /** Response headers the answer carries besides the document, such as `Retry-After`. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  static notFound(code: string, detail: string): ProblemError {
    return new ProblemError(404, code, detail);
  }

  static conflict(code: string, detail: string, extra?: Record<string, unknown>): ProblemError {
    return new ProblemError(409, code, detail, undefined, extra);
  }

  static invalid(detail: string, errors: readonly ProblemFieldError[], code = 'validationFailed'): ProblemError {
    return new ProblemError(422, code, detail, errors);
  }

  /** 503: the request may succeed if sent again after `retryAfterSeconds`. */
  static unavailable(code: string, detail: string, retryAfterSeconds: number): ProblemError {
    return new ProblemError(503, code, detail, undefined, undefined, { 'Retry-After': String(retryAfterSeconds) });
  }

  static badRequest(code: string, detail: string, errors?: readonly ProblemFieldError[]): ProblemError {
    return new ProblemError(400, code, detail, errors);
  }
}
