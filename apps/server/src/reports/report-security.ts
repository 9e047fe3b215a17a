import { Injectable } from '@nestjs/common';
import type {
  FieldRead,
  MaskFunction,
  ReportDefinition,
  ResultColumn,
  ScopePredicate,
} from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import type { SqlExecutor } from '../database/database.js';

/** What one actor may see of a report's result columns. */
export interface ColumnAccess {
  /** Column keys the actor may not see: a report showing (or grouping by) one is refused. */
  hidden: readonly string[];
  /** Masks per column key, applied to run results and exports. */
  masks: Readonly<Partial<Record<string, MaskFunction>>>;
}

export interface ExportDetail {
  format: 'csv' | 'xlsx';
  parameters: unknown;
  drill: unknown;
  columns: readonly string[];
}

/**
 * The seams where the security issue plugs reports into permissions, field rules and the audit
 * log. Until it does, each is a pass-through: every report may run and export, every column is
 * visible and nothing is masked, and no audit entry is written.
 */
@Injectable()
export class ReportSecurity {
  /** Throws a 403 problem when the actor may not run the report (e.g. no read right on its source). SECURITY ISSUE: fill in. */
  async authorizeRun(_actor: Actor, _report: ReportDefinition): Promise<void> {}

  /**
   * Extra predicates ANDed into the report's query, so totals only count what the actor may see:
   * the data scope of the source entity, as a report filter or as SQL over the source alias
   * `src` (e.g. `scopePredicate(sql, actor, scope, '"src"."owner_id"')`). SECURITY ISSUE: fill in.
   */
  async dataScope(_sql: SqlExecutor, _actor: Actor, _report: ReportDefinition): Promise<ScopePredicate[]> {
    return [];
  }

  /**
   * Hidden and masked columns per the actor's field rules. `sources` names the stored fields
   * behind each column (through joins, calculated fields and measure filters): a column reading a
   * hidden field belongs in `hidden` (the run is then refused with 403), one reading a masked
   * field gets a mask. SECURITY ISSUE: fill in.
   */
  async columnAccess(
    _actor: Actor,
    _report: ReportDefinition,
    _columns: readonly ResultColumn[],
    _sources: Readonly<Record<string, readonly FieldRead[]>>,
  ): Promise<ColumnAccess> {
    return { hidden: [], masks: {} };
  }

  /** Throws a 403 problem when the actor may not export. SECURITY ISSUE: fill in. */
  async authorizeExport(_actor: Actor, _report: ReportDefinition, _format: 'csv' | 'xlsx'): Promise<void> {}

  /** Writes the export's audit entry, before the first row leaves. SECURITY ISSUE: fill in. */
  async recordExport(_actor: Actor, _report: ReportDefinition, _detail: ExportDetail): Promise<void> {}
}
