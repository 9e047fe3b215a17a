import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { scopePredicate } from '../access/data-scope.js';
import { AuditLog } from '../audit/audit-log.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { RecordsService } from '../records/records.service.js';
import { checkPurpose, consentedPredicate } from './consent.js';

export interface ConsentState {
  purpose: string;
  granted: boolean;
  grantedAt: string | null;
  withdrawnAt: string | null;
  evidence: string;
}

interface ConsentRow {
  purpose: string;
  granted_at: string | null;
  withdrawn_at: string | null;
  evidence: string;
}

function stateOf(row: ConsentRow): ConsentState {
  const grantedAt = fromStoredDatetime(row.granted_at);
  const withdrawnAt = fromStoredDatetime(row.withdrawn_at);
  return { purpose: row.purpose, granted: grantedAt !== null && withdrawnAt === null, grantedAt, withdrawnAt, evidence: row.evidence };
}

/**
 * Consent per record and purpose: granting and withdrawing are updates of the record (same scope
 * and rights), audited with their evidence; processing for a purpose asks `consenting` first.
 */
@Injectable()
export class ConsentService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(MetadataService) private readonly metadata: MetadataService,
  ) {}

  async record(entityKey: string, id: string, change: { purpose: string; granted: boolean; evidence: string }, actor: Actor): Promise<ConsentState> {
    const view = await this.records.viewFor(entityKey, actor, 'update');
    const { model } = view;
    checkPurpose(model, change.purpose, '/purpose');
    return this.database.transaction(async (sql) => {
      await this.requireInScope(sql, entityKey, id, actor, 'update');
      const now = toStoredDatetime(new Date().toISOString());
      const [current] = await sql.rows<ConsentRow>('SELECT * FROM bf_consent WHERE entity_key = ? AND record_id = ? AND purpose = ?', [model.key, id, change.purpose]);
      const grantedAt = change.granted ? now : (current?.granted_at ?? null);
      const withdrawnAt = change.granted ? null : now;
      if (current) {
        await sql.execute('UPDATE bf_consent SET granted_at = ?, withdrawn_at = ?, evidence = ?, recorded_by = ? WHERE entity_key = ? AND record_id = ? AND purpose = ?', [
          grantedAt,
          withdrawnAt,
          change.evidence,
          actor.userId,
          model.key,
          id,
          change.purpose,
        ]);
      } else {
        await sql.execute('INSERT INTO bf_consent (entity_key, record_id, purpose, granted_at, withdrawn_at, evidence, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          model.key,
          id,
          change.purpose,
          grantedAt,
          withdrawnAt,
          change.evidence,
          actor.userId,
        ]);
      }
      await this.audit.append(sql, actor, { action: 'consent', entity: model.key, recordId: id, detail: { ...change } });
      return stateOf({ purpose: change.purpose, granted_at: grantedAt, withdrawn_at: withdrawnAt, evidence: change.evidence });
    });
  }

  async list(entityKey: string, id: string, actor: Actor): Promise<ConsentState[]> {
    const { model } = await this.records.viewFor(entityKey, actor, 'read');
    return this.database.read(async (sql) => {
      await this.requireInScope(sql, entityKey, id, actor, 'read');
      return (await sql.rows<ConsentRow>('SELECT * FROM bf_consent WHERE entity_key = ? AND record_id = ? ORDER BY purpose', [model.key, id])).map(stateOf);
    });
  }

  /** Of the given records, those whose customer consents to the purpose: what a campaign or rule action may process. */
  async consenting(entityKey: string, ids: readonly string[], purpose: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const model = await this.metadata.entity(entityKey);
    checkPurpose(model, purpose, '/purpose');
    const q = (identifier: string): string => this.database.quote(identifier);
    const consented = consentedPredicate(model, purpose, q);
    return this.database.read(async (sql) =>
      (
        await sql.rows<{ id: string }>(`SELECT id FROM ${q(model.table)} WHERE id IN (${ids.map(() => '?').join(', ')}) AND ${consented.sql}`, [...ids, ...consented.params])
      ).map((r) => r.id),
    );
  }

  private async requireInScope(sql: SqlExecutor, entityKey: string, id: string, actor: Actor, operation: 'read' | 'update'): Promise<void> {
    const view = await this.records.viewFor(entityKey, actor, operation);
    const scope = await scopePredicate(sql, actor, view.access.scope(operation)!);
    const q = (identifier: string): string => this.database.quote(identifier);
    const [row] = await sql.rows(`SELECT id FROM ${q(view.model.table)} WHERE id = ? AND deleted_at IS NULL${scope ? ` AND (${scope.sql})` : ''}`, [id, ...(scope?.params ?? [])]);
    if (!row) throw ProblemError.notFound('recordNotFound', `There is no ${view.model.key} with id ${id}.`);
  }
}
