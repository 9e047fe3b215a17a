/** A value in a report result: what JSON, charts and exports carry. */
export type ReportValue =
  string | number | boolean | null | readonly string[] | { readonly [key: string]: unknown };

/** A result row: dimension and measure values by key. */
export type ReportRow = Record<string, ReportValue>;

export type ResultType = 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'json';

export interface ResultColumn {
  key: string;
  /** The header in English (what exports and callers before Chinese labels read). */
  label: string;
  /** The header in Simplified Chinese. */
  labelZh: string;
  role: 'dimension' | 'measure';
  type: ResultType;
}

export interface ReportResult {
  columns: ResultColumn[];
  rows: ReportRow[];
}
