import { Inject, Injectable } from '@nestjs/common';
import { isEncrypted, type FieldDefinition } from '@bankforge/form-engine';
import type { CompiledReport, FieldRead, MaskFunction, ReportDefinition, ScopePredicate } from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import { scopePredicate } from '../access/data-scope.js';
import { defaultMaskOf, maskValue } from '../access/masking.js';
import { AuditLog } from '../audit/audit-log.js';
import { Database, type SqlExecutor } from '../database/database.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../problem/problem-error.js';

/** What one actor may see of a report's result columns. */
export interface ColumnAccess {
  /** Column keys the actor may not see: a report showing (or grouping by) one is refused. */
  hidden: readonly string[];
  /** Masks per column key, applied to run results and exports. */
  masks: Readonly<Partial<Record<string, MaskFunction>>>;
  /** Fields (`entity.field`) the actor may not see that the report chooses its rows by: its counts would tell about them. */
  hiddenFilters: readonly string[];
}

export interface ExportDetail {
  format: 'csv' | 'xlsx';
  parameters: unknown;
  drill: unknown;
  columns: readonly string[];
}

/**
 * Reports under the same rules as records: the source entity's read right and data scope (so
 * totals count only what the actor may see), field rules on every stored field a column reads
 * (through joins, calculated fields and measure filters), the export right, and an audit entry
 * for every export.
 */
@Injectable()
export class ReportSecurity {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  authorizeRun(actor: Actor, report: ReportDefinition): Promise<void> {
    return this.require(actor, report, 'read');
  }

  /** The source entity's read scope, over the source alias `src`; joined rows follow their source row. */
  async dataScope(sql: SqlExecutor, actor: Actor, report: ReportDefinition): Promise<ScopePredicate[]> {
    const scope = actor.access.entity(report.source).scope('read');
    if (!scope) return [{ sql: '1=0', params: [] }];
    const predicate = await scopePredicate(sql, actor, scope, `${this.database.quote('src')}.${this.database.quote('owner_id')}`);
    return predicate ? [predicate] : [];
  }

  /**
   * A column is hidden when it reads a field the actor may not see, or an entity they may not read;
   * it is masked when it reads a masked field (an aggregate of a masked amount reveals it too).
   * The fields the rows are chosen by obey the same rules, except masking: the report's author set
   * those conditions. A field encrypted at rest can be neither shown nor filtered on by the database.
   */
  async columnAccess(actor: Actor, report: ReportDefinition, compiled: Pick<CompiledReport, 'columns' | 'columnSources' | 'filterSources'>): Promise<ColumnAccess> {
    const hidden: string[] = [];
    const masks: Record<string, MaskFunction> = {};
    const encrypted = new Set<string>();
    const fieldOf = async (read: FieldRead): Promise<FieldDefinition | undefined> => {
      const field = (await this.metadata.entity(read.entity)).fieldsByKey.get(read.field);
      if (field && isEncrypted(field)) encrypted.add(`${read.entity}.${read.field}`);
      return field;
    };
    const unseen = (read: FieldRead): boolean => !actor.access.entity(read.entity).scope('read') || actor.access.entity(read.entity).field(read.field).see === 'none';
    for (const column of compiled.columns) {
      for (const read of compiled.columnSources[column.key] ?? []) {
        const field = await fieldOf(read);
        if (unseen(read)) {
          hidden.push(column.key);
          break;
        }
        const view = actor.access.entity(read.entity).field(read.field);
        if (view.see === 'masked' && !masks[column.key]) {
          const spec = view.mask ?? (field ? defaultMaskOf(field) : { strategy: 'keep' as const });
          masks[column.key] = (value) => (value === null ? null : (maskValue(value, spec) as string));
        }
      }
    }
    const hiddenFilters: string[] = [];
    for (const read of compiled.filterSources) {
      await fieldOf(read);
      if (unseen(read)) hiddenFilters.push(`${read.entity}.${read.field}`);
    }
    if (encrypted.size > 0) {
      throw ProblemError.invalid(
        `The report ${report.key} reads fields encrypted at rest, which the database cannot group, aggregate or filter on.`,
        [...encrypted].map((name) => ({ path: '/', code: 'encryptedField', message: `${name} is encrypted at rest` })),
        'invalidReport',
      );
    }
    return { hidden, masks, hiddenFilters };
  }

  authorizeExport(actor: Actor, report: ReportDefinition, _format: 'csv' | 'xlsx'): Promise<void> {
    return this.require(actor, report, 'export');
  }

  /** Written in its own transaction on the export's connection, before the first row leaves. */
  async recordExport(sql: SqlExecutor, actor: Actor, report: ReportDefinition, detail: ExportDetail): Promise<void> {
    await sql.runner.startTransaction();
    try {
      await this.audit.append(sql, actor, { action: 'export', entity: report.source, detail: { report: report.key, ...detail } });
      await sql.runner.commitTransaction();
    } catch (error) {
      await sql.runner.rollbackTransaction();
      throw error;
    }
  }

  private async require(actor: Actor, report: ReportDefinition, operation: 'read' | 'export'): Promise<void> {
    if (!actor.access.entity(report.source).scope(operation)) {
      throw new ProblemError(403, 'forbidden', `Your roles do not allow you to ${operation === 'read' ? 'run reports on' : 'export'} ${report.source} records.`, undefined, {
        operation,
        entity: report.source,
      });
    }
  }
}
