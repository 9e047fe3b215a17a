/**
 * Bulk imports: a CSV or XLSX file of records uploaded once, its columns mapped to an entity's
 * fields, checked in a dry run, then written in batches by a background job the server resumes
 * after a restart, and rolled back as a whole if need be. Answers never carry a cell's value.
 */

export type ImportFormat = 'csv' | 'xlsx';

export type ImportMode = 'dryRun' | 'commit';

/**
 * `uploaded`: mapped or not, never run; `rollingBack`: a committed run being undone in the background;
 * `rolledBack`: undone; `rollbackFailed`: the rollback stopped (its attempts kept failing, or whoever
 * asked may no longer import), what it undid staying undone, and may be asked for again (`error` says
 * why); `expired`: never run for real within the retention, its file deleted.
 */
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'rollingBack' | 'rolledBack' | 'rollbackFailed' | 'expired';

/** How a row finds the record it is about: by a resident ID or mobile (through the blind index), or by a unique field such as the customer number. */
export interface ImportMatchRule {
  /** A field key: a resident ID, a mobile or a unique field of the entity. */
  field: string;
  /** A row that finds a record: update it, or leave it and count the row skipped. */
  onMatch: 'update' | 'skip';
  /** A row that finds none: create a record, or count the row skipped. */
  onNew: 'create' | 'skip';
}

/** One column of the file and the field it fills (null: the column is not imported). */
export interface ImportColumn {
  /** The header cell as written in the file. */
  header: string;
  field: string | null;
}

/** A job as `GET /api/imports/{id}` answers it: the progress bar reads `rowsDone` of `rowsTotal`. */
export interface ImportJob {
  id: string;
  entity: string;
  fileName: string;
  format: ImportFormat;
  sizeBytes: number;
  columns: ImportColumn[];
  match: ImportMatchRule | null;
  mode: ImportMode | null;
  status: ImportStatus;
  /** Data rows in the file, known once a run has read it to the end (null before). */
  rowsTotal: number | null;
  rowsDone: number;
  /** How far the current run is, 0 to 1, for a progress bar: of the file's bytes (CSV) or of the rows a dry run counted (a rollback: of the changes to undo); null when unknown. */
  progress: number | null;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** How many problems the job found; at most the first 1,000 are kept. */
  problemCount: number;
  createdBy: string;
  /** The uploader's username (an API key's `api-key:<name>`): in the administrators' list of every job only. */
  createdByName?: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why a run stopped short (a damaged file), or why a rollback waits to try again or stopped, in both languages. */
  error: { message: string; messageZh: string } | null;
  /** The rollback once asked for (rollingBack, rolledBack, rollbackFailed): its count so far; null before. */
  rollback: ImportRollback | null;
}

/** `PUT /api/imports/{id}`: the mapping (every header of the file, in order) and the match rule. */
export interface ImportSettings {
  columns: ImportColumn[];
  match: ImportMatchRule;
}

/** One row's problem: its row number in the file (the header is row 1), the field path, a stable code, en + zh-CN. */
export interface ImportProblem {
  row: number;
  path: string;
  code: string;
  message: string;
  messageZh: string;
}

export interface ImportProblemPage {
  items: ImportProblem[];
  /** All problems found, kept or not. */
  total: number;
}

/**
 * A rollback's progress (`POST /api/imports/{id}/rollback` answers 202 with the job; poll it): of the
 * `total` records the run wrote, those removed, restored, and left because they changed since.
 */
export interface ImportRollback {
  total: number;
  removed: number;
  restored: number;
  changedSince: number;
}
