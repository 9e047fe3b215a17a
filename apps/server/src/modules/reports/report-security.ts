import { Inject, Injectable } from '@nestjs/common';
import { isEncrypted, type FieldDefinition } from '@bankforge/data-model';
import type { CompiledReport, EntityCatalog, FieldRead, MaskFunction, ReportDefinition, RowScope } from '@bankforge/report-engine';
import type { FieldView } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { ownerPredicate, type SqlPredicate } from '../access/data-scope.js';
import type { DataScope } from '../access/role.js';
import { defaultMaskOf, maskValue } from '../access/masking.js';
import { AuditLog } from '../audit/audit-log.js';
import { AuditRedaction } from '../audit/audit-redaction.js';
import { DirectoryService } from '../auth/directory.service.js';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

/** What one actor may see of a report's result columns. */
export interface ColumnAccess {
  /** Column keys the actor may not see: a report showing (or grouping by) one is refused. */
  hidden: readonly string[];
  /** Masks per column key, applied to run results and exports. */
  masks: Readonly<Partial<Record<string, MaskFunction>>>;
  /** Fields (`entity.field`) the actor may not see that the report chooses its rows by: its counts would tell about them. */
  hiddenFilters: readonly string[];
  /** Masked fields (`entity.field`) compared with values the actor chooses (parameters, drill-down): the counts would unmask them. */
  maskedChoices: readonly string[];
}

export interface ExportDetail {
  format: 'csv' | 'xlsx';
  parameters: unknown;
  drill: unknown;
  columns: readonly string[];
  /** A dashboard widget's export: which, and the shared filter values and clicks it was filtered by. */
  dashboard?: { key: string; widget: string; filters: unknown; cross: unknown };
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
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(DirectoryService) directory: DirectoryService,
    @Inject(FieldCipher) cipher: FieldCipher,
  ) {
    this.redaction = new AuditRedaction(directory, cipher);
  }

  private readonly redaction: AuditRedaction;

  authorizeRun(actor: Actor, report: ReportDefinition): Promise<void> {
    return this.require(actor, report, 'read');
  }

  /**
   * The actor's read scope on every entity the report reads, for the source table and inside each
   * join: a joined customer outside the actor's scope reads as no customer, and a one-to-many join
   * aggregates only the children the actor may read.
   */
  async rowScope(sql: SqlExecutor, actor: Actor, catalog: EntityCatalog): Promise<RowScope> {
    const predicates = new Map<string, ((ownerColumn: string) => SqlPredicate) | undefined>();
    // One predicate per scope, not per entity: a team scope reads the reporting lines once.
    const byScope = new Map<DataScope | undefined, ((ownerColumn: string) => SqlPredicate) | undefined>();
    for (const entity of catalog.keys()) {
      const scope = actor.access.entity(entity).scope('read');
      if (!byScope.has(scope)) byScope.set(scope, await ownerPredicate(sql, actor, scope));
      predicates.set(entity, byScope.get(scope));
    }
    return (entity, alias) => {
      // An entity the compiler reaches that was not collected is read by nobody: fail closed.
      const predicate = predicates.has(entity) ? predicates.get(entity) : () => ({ sql: '1=0', params: [] });
      return predicate?.(`${this.database.quote(alias)}.${this.database.quote('owner_id')}`);
    };
  }

  /**
   * A column is hidden when it reads a field the actor may not see, or an entity they may not read;
   * it is masked when it reads a masked field (an aggregate of a masked amount reveals it too).
   * The fields the rows are chosen by obey the same rules, except masking: the report's author set
   * those conditions. A field encrypted at rest can be neither shown nor filtered on by the database.
   * The fields are read from the report's catalog: this runs inside the run's read, where a model
   * lookup that missed its cache would wait for that read to end.
   */
  columnAccess(actor: Actor, report: ReportDefinition, compiled: Pick<CompiledReport, 'columns' | 'columnSources' | 'filterSources' | 'chosenSources'>, catalog: EntityCatalog): ColumnAccess {
    const hidden: string[] = [];
    const masks: Record<string, MaskFunction> = {};
    const encrypted = new Set<string>();
    const fieldOf = (read: FieldRead): FieldDefinition | undefined => {
      const field = catalog.get(read.entity)?.fields.find((f) => f.key === read.field);
      if (field && isEncrypted(field)) encrypted.add(`${read.entity}.${read.field}`);
      return field;
    };
    const viewOf = (read: FieldRead): FieldView => actor.access.entity(read.entity).field(read.field, fieldOf(read)?.derivedFrom);
    const unseen = (read: FieldRead): boolean => !actor.access.entity(read.entity).scope('read') || viewOf(read).see === 'none';
    for (const column of compiled.columns) {
      for (const read of compiled.columnSources[column.key] ?? []) {
        const field = fieldOf(read);
        if (unseen(read)) {
          hidden.push(column.key);
          break;
        }
        const view = viewOf(read);
        if (view.see === 'masked' && !masks[column.key]) {
          const spec = view.mask ?? (field ? defaultMaskOf(field) : { strategy: 'keep' as const });
          masks[column.key] = (value) => (value === null ? null : (maskValue(value, spec) as string));
        }
      }
    }
    const hiddenFilters: string[] = [];
    for (const read of compiled.filterSources) {
      if (unseen(read)) hiddenFilters.push(`${read.entity}.${read.field}`);
    }
    const maskedChoices: string[] = [];
    for (const read of compiled.chosenSources) {
      if (!unseen(read) && viewOf(read).see === 'masked') maskedChoices.push(`${read.entity}.${read.field}`);
    }
    if (encrypted.size > 0) {
      throw ProblemError.invalid(
        `The report ${report.key} reads fields encrypted at rest, which the database cannot group, aggregate or filter on.`,
        [...encrypted].map((name) => ({ path: '/', code: 'encryptedField', message: `${name} is encrypted at rest` })),
        'invalidReport',
      );
    }
    return { hidden, masks, hiddenFilters, maskedChoices };
  }

  /** Whether a field the report reads shows masked to the actor (its definition from the report's catalog: no lookup). */
  maskedFor(actor: Actor, catalog: EntityCatalog): (read: FieldRead) => boolean {
    return (read) => {
      const access = actor.access.entity(read.entity);
      const derivedFrom = catalog.get(read.entity)?.fields.find((f) => f.key === read.field)?.derivedFrom;
      return access.scope('read') !== undefined && access.field(read.field, derivedFrom).see === 'masked';
    };
  }

  authorizeExport(actor: Actor, report: ReportDefinition, _format: 'csv' | 'xlsx'): Promise<void> {
    return this.require(actor, report, 'export');
  }

  /**
   * Written in its own transaction on the export's connection, before the first row leaves. When
   * the rows are chosen by a protected field (sensitive, or masked or hidden by some role), the
   * parameter, drill-down and dashboard filter values are kept only as keyed hashes (see AuditRedaction).
   */
  async recordExport(sql: SqlExecutor, actor: Actor, report: ReportDefinition, detail: ExportDetail, chosenBy: readonly FieldRead[], catalog: EntityCatalog): Promise<void> {
    let guarded = false;
    for (const entity of new Set(chosenBy.map((read) => read.entity))) {
      const definition = catalog.get(entity);
      // An entity the compiler reached that the catalog lacks is guarded: fail closed.
      const protectedKeys = definition ? await this.redaction.protectedFields(definition, sql) : undefined;
      if (chosenBy.some((read) => read.entity === entity && (!protectedKeys || protectedKeys.has(read.field)))) guarded = true;
    }
    const dashboard = detail.dashboard && guarded ? { ...detail.dashboard, filters: this.redaction.values(detail.dashboard.filters), cross: this.redaction.values(detail.dashboard.cross) } : detail.dashboard;
    const kept = guarded
      ? { ...detail, parameters: this.redaction.values(detail.parameters), drill: this.redaction.values(detail.drill), ...(dashboard ? { dashboard } : {}) }
      : detail;
    await sql.runner.startTransaction();
    try {
      await this.audit.append(sql, actor, { action: 'export', entity: report.source, detail: { report: report.key, ...kept } });
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
        messageZh: `您的角色不允许${operation === 'read' ? '对' : '导出'} ${report.source} 记录${operation === 'read' ? '运行报表' : ''}。`,
      });
    }
  }
}
