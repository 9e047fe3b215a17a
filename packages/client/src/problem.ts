/** One invalid input of a problem answer, addressed by a JSON Pointer (or a parameter name). */
export interface ProblemFieldError {
  path: string;
  code: string;
  message: string;
  messageZh?: string;
}

/** An RFC 7807 answer of the API: `code` is stable and the thing to branch on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly ProblemFieldError[] = [],
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail || title);
    this.name = 'ApiProblem';
  }

  /** Builds the problem from a response body, whatever the server (or a proxy in front of it) sent. */
  static from(status: number, body: unknown): ApiProblem {
    const doc = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
    const errors = Array.isArray(doc.errors) ? (doc.errors as ProblemFieldError[]) : [];
    return new ApiProblem(status, text(doc.code, `http${status}`), text(doc.title, `HTTP ${status}`), text(doc.detail, ''), errors, doc);
  }
}
