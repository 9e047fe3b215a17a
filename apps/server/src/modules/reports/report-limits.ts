/** How much one report run or export may cost; read from the environment at start. */
export interface ReportLimits {
  /** A query running longer is stopped (MySQL/MariaDB; on SQLite checked between streamed rows). */
  queryTimeoutMs: number;
  /** Rows a run may answer; more is a 422 `reportRowLimit` (narrow the report, or export it). */
  rowLimit: number;
  /** Rows an export may stream. */
  exportRowLimit: number;
  /** An export's statement runs while its rows stream to the client, so it gets its own, longer limit. */
  exportTimeoutMs: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = {
  queryTimeoutMs: 30_000,
  rowLimit: 10_000,
  exportRowLimit: 1_000_000,
  exportTimeoutMs: 600_000,
};

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${text}`);
  return value;
}

/** BANKFORGE_REPORT_TIMEOUT_MS, BANKFORGE_REPORT_ROW_LIMIT, BANKFORGE_REPORT_EXPORT_ROW_LIMIT, BANKFORGE_REPORT_EXPORT_TIMEOUT_MS. */
export function readReportLimits(env: NodeJS.ProcessEnv = process.env): ReportLimits {
  return {
    queryTimeoutMs: positiveInteger(env, 'BANKFORGE_REPORT_TIMEOUT_MS', DEFAULT_REPORT_LIMITS.queryTimeoutMs),
    rowLimit: positiveInteger(env, 'BANKFORGE_REPORT_ROW_LIMIT', DEFAULT_REPORT_LIMITS.rowLimit),
    exportRowLimit: positiveInteger(
      env,
      'BANKFORGE_REPORT_EXPORT_ROW_LIMIT',
      DEFAULT_REPORT_LIMITS.exportRowLimit,
    ),
    exportTimeoutMs: positiveInteger(
      env,
      'BANKFORGE_REPORT_EXPORT_TIMEOUT_MS',
      DEFAULT_REPORT_LIMITS.exportTimeoutMs,
    ),
  };
}
