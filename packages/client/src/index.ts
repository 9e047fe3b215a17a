// @bankforge/client: the HTTP API as typed calls, for the designer, the runtime and integrators.
export { ApiClient, type ApiClientOptions } from './client.js';
export { ApiProblem, type ProblemFieldError } from './problem.js';
export type * from './types.js';
