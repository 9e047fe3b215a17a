import type { ProblemFieldError } from '@bankforge/client';
import type { ReportIssue } from '@bankforge/report-engine';

/** A problem of the report, from the engine's check in the browser or from the server's answer. */
export type ReportProblem = ReportIssue & Pick<ProblemFieldError, 'messageZh'>;

/** The problems addressed to exactly `path`. */
export function problemsAt(problems: readonly ReportProblem[], path: string): ReportProblem[] {
  return problems.filter((p) => p.path === path);
}

/** The problems addressed to `path` or anything under it. */
export function problemsUnder(problems: readonly ReportProblem[], path: string): ReportProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
}

/**
 * The browser's problems and the server's last refusal together, each once: the server checked
 * the same engine against the same published entities, so most of its problems are already here.
 */
export function mergeProblems(local: readonly ReportIssue[], server: readonly ProblemFieldError[]): ReportProblem[] {
  const seen = new Set(local.map((p) => `${p.path} ${p.code}`));
  return [...local, ...server.filter((p) => !seen.has(`${p.path} ${p.code}`))];
}

/** The id of the control a JSON Pointer addresses (`/dimensions/0/field` → `report-dimensions-0-field`). */
export function controlId(path: string): string {
  return `report${path.replace(/[^A-Za-z0-9_]+/g, '-')}`;
}

/** The ids to try, nearest first, for a problem whose own control may not exist (`/dimensions/0/top/by` → its top N, its dimension...). */
export function controlIdsFor(path: string): string[] {
  const ids: string[] = [];
  for (let p = path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) ids.push(controlId(p));
  return ids;
}
