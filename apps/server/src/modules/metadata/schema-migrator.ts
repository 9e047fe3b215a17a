import {
  columnKind,
  decimalShape,
  entityIndexColumns,
  isEncrypted,
  stringLength,
  type EntityDefinition,
  type FieldDefinition,
} from '@bankforge/data-model';
import type { FieldCipher } from '../../platform/crypto/field-cipher.js';
import type { Database, SqlExecutor, SqlValue } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { MigrationPlan, MigrationStep } from './migration-plan.js';
import {
  SYSTEM_COLUMNS,
  SYSTEM_INDEXES,
  columnType,
  columnsOf,
  entityIndexNameOf,
  foreignKeyNameOf,
  hasIndex,
  indexColumnsOf,
  indexNameOf,
  tableNameOf,
} from './physical-schema.js';
import { fieldColumnValues } from './record-codec.js';

/**
 * Applies a migration plan to the database. On SQLite every step runs inside the publishing
 * transaction; a plan that loses data rebuilds the table (SQLite cannot drop a column that holds a
 * foreign key). On MySQL, DDL commits implicitly, so steps are ordered to be safe to re-run.
 */
export class SchemaMigrator {
  constructor(
    private readonly database: Database,
    private readonly sql: SqlExecutor,
    private readonly cipher: FieldCipher,
  ) {}

  private q(identifier: string): string {
    return this.database.quote(identifier);
  }

  private get mysql(): boolean {
    return this.sql.dialect === 'mysql';
  }

  /** Applies the plan; answers the backup table's name when values were set aside. */
  async apply(plan: MigrationPlan, next: EntityDefinition, previous: EntityDefinition | undefined): Promise<string | null> {
    const table = tableNameOf(next.key);
    await this.checkUniqueIndexes(plan, table);
    const backup = plan.lossy.length > 0 && previous ? await this.backUp(plan, table, previous) : null;
    const rebuild = !this.mysql && plan.lossy.length > 0;
    for (const step of plan.steps) {
      if (rebuild && !['renameColumn', 'addColumn', 'widenColumn'].includes(step.op)) continue;
      await this.applyStep(step, next, table);
    }
    if (rebuild && previous) await this.rebuildSqliteTable(plan, next, table);
    return backup;
  }

  private async applyStep(step: MigrationStep, entity: EntityDefinition, table: string): Promise<void> {
    const t = this.q(table);
    switch (step.op) {
      case 'createTable':
        await this.sql.execute(this.createTableSql(entity, table));
        await this.createSystemIndexes(table);
        return;
      case 'addColumn':
        for (const column of columnsOf(step.field)) {
          const reference = !this.mysql && step.field.type === 'reference' ? this.referencesSql(step.field) : '';
          await this.sql.execute(`ALTER TABLE ${t} ADD COLUMN ${this.q(column.name)} ${columnType(column, this.sql.dialect)}${reference}`);
        }
        await this.fillDefault(step.field, table);
        return;
      case 'renameColumn': {
        const from = columnsOf(step.previous);
        const to = columnsOf(step.field);
        for (let i = 0; i < Math.min(from.length, to.length); i++) {
          await this.sql.execute(`ALTER TABLE ${t} RENAME COLUMN ${this.q(from[i]!.name)} TO ${this.q(to[i]!.name)}`);
        }
        return;
      }
      case 'widenColumn':
        if (this.mysql) await this.modifyColumns(step.field, table);
        return;
      case 'narrowColumn':
        await this.clearValuesThatDoNotFit(step.field, table);
        if (this.mysql) await this.modifyColumns(step.field, table);
        return;
      case 'changeType':
        await this.dropColumns(step.previous, table);
        await this.applyStep({ op: 'addColumn', field: step.field }, entity, table);
        return;
      case 'dropColumn':
        await this.dropColumns(step.previous, table);
        return;
      case 'addIndex': {
        const columns = indexColumnsOf(step.field).map((c) => this.q(c)).join(', ');
        const unique = step.field.unique ? 'UNIQUE ' : '';
        await this.sql.execute(`CREATE ${unique}INDEX ${this.q(indexNameOf(entity.key, step.field))} ON ${t} (${columns})`);
        if (this.mysql && step.field.type === 'reference') {
          await this.sql.execute(
            `ALTER TABLE ${t} ADD CONSTRAINT ${this.q(foreignKeyNameOf(entity.key, step.field))} FOREIGN KEY (${this.q(step.field.key)})` +
              ` REFERENCES ${this.q(tableNameOf(step.field.reference!.entity))} (${this.q('id')})`,
          );
        }
        return;
      }
      case 'dropIndex':
        if (this.mysql && step.previous.type === 'reference') {
          await this.sql.execute(`ALTER TABLE ${t} DROP FOREIGN KEY ${this.q(foreignKeyNameOf(entity.key, step.previous))}`);
        }
        await this.sql.execute(
          this.mysql
            ? `DROP INDEX ${this.q(indexNameOf(entity.key, step.previous))} ON ${t}`
            : `DROP INDEX ${this.q(indexNameOf(entity.key, step.previous))}`,
        );
        return;
      case 'addEntityIndex':
        await this.sql.execute(`CREATE INDEX ${this.q(entityIndexNameOf(entity.key, step.index.key))} ON ${t} (${step.columns.map((c) => this.q(c)).join(', ')})`);
        return;
      case 'dropEntityIndex': {
        const name = this.q(entityIndexNameOf(entity.key, step.index.key));
        await this.sql.execute(this.mysql ? `DROP INDEX ${name} ON ${t}` : `DROP INDEX ${name}`);
        return;
      }
    }
  }

  private async createSystemIndexes(table: string): Promise<void> {
    for (const column of SYSTEM_INDEXES) {
      await this.sql.execute(`CREATE INDEX ${this.q(`ix_${table.slice(0, 40)}_${column}`)} ON ${this.q(table)} (${this.q(column)})`);
    }
  }

  private referencesSql(field: FieldDefinition): string {
    return ` REFERENCES ${this.q(tableNameOf(field.reference!.entity))} (${this.q('id')})`;
  }

  private createTableSql(entity: EntityDefinition, table: string): string {
    const lines = SYSTEM_COLUMNS.map((c) => `${this.q(c.name)} ${columnType(c, this.sql.dialect)}`);
    for (const field of entity.fields) {
      for (const column of columnsOf(field)) {
        const reference = !this.mysql && field.type === 'reference' ? this.referencesSql(field) : '';
        lines.push(`${this.q(column.name)} ${columnType(column, this.sql.dialect)}${reference}`);
      }
    }
    lines.push(`PRIMARY KEY (${this.q('id')})`);
    // Binary collation: equality, uniqueness and ordering behave the same as on SQLite.
    const options = this.mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' : '';
    return `CREATE TABLE ${this.q(table)} (\n  ${lines.join(',\n  ')}\n)${options}`;
  }

  private async modifyColumns(field: FieldDefinition, table: string): Promise<void> {
    for (const column of columnsOf(field)) {
      await this.sql.execute(`ALTER TABLE ${this.q(table)} MODIFY COLUMN ${this.q(column.name)} ${column.mysql}`);
    }
  }

  private async dropColumns(field: FieldDefinition, table: string): Promise<void> {
    for (const column of columnsOf(field)) {
      await this.sql.execute(`ALTER TABLE ${this.q(table)} DROP COLUMN ${this.q(column.name)}`);
    }
  }

  private async fillDefault(field: FieldDefinition, table: string): Promise<void> {
    if (field.default === undefined || field.default === null) return;
    const values = fieldColumnValues(field, field.default, this.cipher);
    const assignments = columnsOf(field).map((c) => `${this.q(c.name)} = ?`).join(', ');
    await this.sql.execute(`UPDATE ${this.q(table)} SET ${assignments} WHERE ${this.q(field.key)} IS NULL`, values);
  }

  /** A narrowed column keeps the values that still fit; the others were backed up and are cleared. */
  private async clearValuesThatDoNotFit(field: FieldDefinition, table: string): Promise<void> {
    // SQL cannot measure an encrypted value; the next write of a value that does not fit is refused by validation.
    if (isEncrypted(field)) return;
    const column = this.q(field.key);
    const kind = columnKind(field);
    if (kind === 'string') {
      await this.sql.execute(`UPDATE ${this.q(table)} SET ${column} = NULL WHERE CHAR_LENGTH(${column}) > ?`, [stringLength(field)]);
      return;
    }
    const { precision, scale } = decimalShape(field);
    const limit: SqlValue = `1${'0'.repeat(precision - scale)}`;
    await this.sql.execute(
      `UPDATE ${this.q(table)} SET ${column} = NULL WHERE ABS(${column}) >= CAST(? AS DECIMAL(40,0)) OR ${column} <> ROUND(${column}, ${scale})`,
      [limit],
    );
  }

  private fitsSql(field: FieldDefinition, column: string): string {
    if (columnKind(field) === 'string') return `CASE WHEN LENGTH(${column}) <= ${stringLength(field)} THEN ${column} END`;
    const { precision, scale } = decimalShape(field);
    return `CASE WHEN ABS(${column}) < 1e${precision - scale} AND ${column} = ROUND(${column}, ${scale}) THEN ${column} END`;
  }

  private async checkUniqueIndexes(plan: MigrationPlan, table: string): Promise<void> {
    if (plan.steps.some((s) => s.op === 'createTable')) return;
    for (const step of plan.steps) {
      if (step.op !== 'addIndex' || !step.field.unique) continue;
      // A column added by this plan holds no values yet (a unique field cannot have a default).
      if (plan.steps.some((s) => s.op === 'addColumn' && s.field.id === step.field.id)) continue;
      const renamed = plan.steps.find((s) => s.op === 'renameColumn' && s.fieldId === step.field.id);
      const column = this.q(renamed && renamed.op === 'renameColumn' ? renamed.from : step.field.key);
      const duplicates = await this.sql.rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM (SELECT ${column} FROM ${this.q(table)} WHERE ${column} IS NOT NULL GROUP BY ${column} HAVING COUNT(*) > 1) d`,
      );
      const count = Number(duplicates[0]?.n ?? 0);
      if (count > 0) {
        throw ProblemError.conflict('duplicateValues', `Field ${step.field.key} cannot become unique: ${count} values occur more than once.`, {
          field: step.field.key,
          duplicateValues: count,
        });
      }
    }
  }

  /** Copies the id and every value a lossy step touches into `bk_<entity>_v<version>`. */
  private async backUp(plan: MigrationPlan, table: string, previous: EntityDefinition): Promise<string> {
    const backup = `bk_${previous.key}_v${plan.toVersion}`;
    const ids = new Set(plan.lossy.map((l) => l.fieldId));
    const columns = previous.fields.filter((f) => ids.has(f.id)).flatMap((f) => columnsOf(f).map((c) => this.q(c.name)));
    await this.sql.execute(`DROP TABLE IF EXISTS ${this.q(backup)}`);
    await this.sql.execute(`CREATE TABLE ${this.q(backup)} AS SELECT ${this.q('id')}, ${columns.join(', ')} FROM ${this.q(table)}`);
    return backup;
  }

  /**
   * SQLite's documented way to change a table: build the new one, copy what survives, swap. The
   * caller runs this with foreign-key enforcement off and checks the keys before committing.
   */
  private async rebuildSqliteTable(plan: MigrationPlan, next: EntityDefinition, table: string): Promise<void> {
    const retyped = new Set(plan.steps.filter((s) => s.op === 'changeType').map((s) => (s.op === 'changeType' ? s.field.id : '')));
    const narrowed = new Set(plan.steps.filter((s) => s.op === 'narrowColumn').map((s) => (s.op === 'narrowColumn' ? s.field.id : '')));
    const staging = `${table.slice(0, 50)}__rebuild`;
    await this.sql.execute(`DROP TABLE IF EXISTS ${this.q(staging)}`);
    await this.sql.execute(this.createTableSql(next, staging));
    const targets: string[] = SYSTEM_COLUMNS.map((c) => this.q(c.name));
    const sources: string[] = [...targets];
    for (const field of next.fields) {
      if (retyped.has(field.id)) continue;
      for (const [index, column] of columnsOf(field).entries()) {
        const name = this.q(column.name);
        targets.push(name);
        sources.push(narrowed.has(field.id) && index === 0 ? this.fitsSql(field, name) : name);
      }
    }
    await this.sql.execute(`INSERT INTO ${this.q(staging)} (${targets.join(', ')}) SELECT ${sources.join(', ')} FROM ${this.q(table)}`);
    await this.sql.execute(`DROP TABLE ${this.q(table)}`);
    await this.sql.execute(`ALTER TABLE ${this.q(staging)} RENAME TO ${this.q(table)}`);
    await this.createSystemIndexes(table);
    for (const field of next.fields) if (hasIndex(field)) await this.applyStep({ op: 'addIndex', field }, next, table);
    for (const index of next.indexes ?? []) await this.applyStep({ op: 'addEntityIndex', index, columns: entityIndexColumns(next, index) }, next, table);
  }
}
