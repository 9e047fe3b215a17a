import { Inject, Injectable } from '@nestjs/common';
import { toStoredDatetime } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { ownerPredicate, scopePredicate, type SqlPredicate } from '../access/data-scope.js';
import { AuditLog } from '../audit/audit-log.js';
import { DomainEvents, type NewDomainEvent } from '../events/domain-events.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { forUpdate } from '../../platform/database/row-locks.js';
import { refusePlatformWrites } from './platform-writes.js';

/** The body of a transfer: the records, the person who takes them over, and why. */
export interface TransferRequest {
  ids: string[];
  to: string;
  reason: string;
}

export interface TransferAnswer {
  /** The records handed over, at their new versions. */
  transferred: { id: string; version: number }[];
  /** Records the new owner already owned: left as they were. */
  unchanged: string[];
  /** Records of other entities that referred to those and went with them, counted by entity. */
  related: Record<string, number>;
  to: { id: string; displayName: string };
}

/** An entity whose reference field points at the transferred one: its records go along. */
interface Follower {
  model: EntityModel;
  field: string;
}

/**
 * Hands records over to another owner: a relationship manager leaves, a book is rebalanced. The
 * records must be within the actor's transfer scope, and the new owner a person whose records that
 * scope reaches (a branch manager hands over within the branch). Records of other entities that
 * refer to a transferred one and belonged to its previous owner (a customer's contacts, accounts,
 * loans) go with it where the actor may transfer those too. All or nothing, one audit entry per
 * record with the reason, and a `record.updated` event per record moved (its `owner_id` change),
 * so webhooks and automations hear of a new RM as of any other change.
 */
@Injectable()
export class OwnershipTransfer {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async transfer(entityKey: string, request: TransferRequest, actor: Actor): Promise<TransferAnswer> {
    const model = await this.metadata.entity(entityKey);
    refusePlatformWrites(this.metadata, model.key, 'transfer');
    const scope = actor.access.entity(model.key).scope('transfer');
    if (scope === undefined) {
      throw new ProblemError(403, 'forbidden', `Your roles do not allow you to transfer ${model.key} records.`, undefined, { operation: 'transfer', entity: model.key });
    }
    const followers = await this.followersOf(model.key, actor);
    const q = (name: string): string => this.database.quote(name);
    return this.database.transaction(async (sql) => {
      const owned = await ownerPredicate(sql, actor, scope);
      const owners = owned?.('owner_id');
      const target = await this.newOwner(sql, request.to, owned?.('bf_user.id'));
      const found = await sql.rows<{ id: string; owner_id: string | null; version: number | string }>(
        `SELECT id, owner_id, version FROM ${q(model.table)} WHERE id IN (${request.ids.map(() => '?').join(', ')}) AND deleted_at IS NULL${owners ? ` AND (${owners.sql})` : ''}`,
        [...request.ids, ...(owners?.params ?? [])],
      );
      const byId = new Map(found.map((row) => [String(row.id), row]));
      // A record outside the actor's scope is refused exactly like one that does not exist.
      const missing: ProblemFieldError[] = request.ids.flatMap((id, index) =>
        byId.has(id) ? [] : [{ path: `/ids/${index}`, code: 'notFound', message: `There is no ${model.key} ${id} you may transfer`, messageZh: `没有可由您转移的记录 ${id}` }],
      );
      if (missing.length > 0) throw ProblemError.invalid(`Some of these ${model.key} records cannot be transferred.`, missing, 'transferNotFound');
      const now = toStoredDatetime(new Date().toISOString());
      const answer: TransferAnswer = { transferred: [], unchanged: [], related: {}, to: { id: target.id, displayName: target.displayName } };
      for (const id of request.ids) {
        const row = byId.get(id)!;
        if (row.owner_id === target.id) {
          answer.unchanged.push(id);
          continue;
        }
        const version = Number(row.version);
        const changed = await sql.execute(`UPDATE ${q(model.table)} SET owner_id = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`, [
          target.id,
          version + 1,
          now,
          actor.userId,
          id,
          version,
        ]);
        if (changed === 0) throw new ProblemError(409, 'versionConflict', `The ${model.key} ${id} changed while it was being transferred; try again.`);
        const moved = await this.moveFollowers(sql, followers, id, row.owner_id, target.id, now, actor);
        const related = Object.fromEntries(Object.entries(moved).map(([key, ids]) => [key, ids.length]));
        for (const [key, count] of Object.entries(related)) answer.related[key] = (answer.related[key] ?? 0) + count;
        const ownerChange = (entity: string, recordId: string): NewDomainEvent => ({ type: 'record.updated', entity, recordId, changes: { owner_id: { old: row.owner_id, new: target.id } } });
        await DomainEvents.write(sql, [ownerChange(model.key, id), ...Object.entries(moved).flatMap(([key, ids]) => ids.map((other) => ownerChange(key, other)))], actor);
        await this.audit.append(sql, actor, { action: 'transfer', entity: model.key, recordId: id, detail: { from: row.owner_id, to: target.id, reason: request.reason, related } });
        answer.transferred.push({ id, version: version + 1 });
      }
      return answer;
    });
  }

  /** The new owner (by id or username, as the people search names them): an active person whose records the actor's transfer scope reaches. */
  private async newOwner(sql: SqlExecutor, userId: string, reachable: SqlPredicate | undefined): Promise<{ id: string; displayName: string }> {
    const [user] = await sql.rows<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM bf_user WHERE (id = ? OR username = ?) AND active = ?${reachable ? ` AND (${reachable.sql})` : ''}`,
      [userId, userId, true, ...(reachable?.params ?? [])],
    );
    if (!user) {
      throw ProblemError.invalid('The new owner must be an active person whose records you may transfer.', [
        { path: '/to', code: 'ownerNotAllowed', message: 'not an active person within your transfer scope', messageZh: '不是您可转移范围内的在职人员' },
      ], 'transferOwnerNotAllowed');
    }
    return { id: String(user.id), displayName: user.display_name };
  }

  /** The entities whose reference fields point at this one, where the actor may transfer their records. */
  private async followersOf(entityKey: string, actor: Actor): Promise<Follower[]> {
    const followers: Follower[] = [];
    for (const { key } of await this.metadata.listEntities()) {
      if (key === entityKey || actor.access.entity(key).scope('transfer') === undefined) continue;
      const other = await this.metadata.entity(key);
      for (const field of other.definition.fields) {
        if (field.type === 'reference' && field.reference?.entity === entityKey) followers.push({ model: other, field: field.key });
      }
    }
    return followers;
  }

  /**
   * Moves the records that refer to a transferred one and were its previous owner's, within the
   * actor's scope of them; answers their ids by entity (read under a write lock first, so the ids
   * are the rows the UPDATE moves).
   */
  private async moveFollowers(sql: SqlExecutor, followers: readonly Follower[], id: string, from: string | null, to: string, now: string, actor: Actor): Promise<Record<string, string[]>> {
    const moved: Record<string, string[]> = {};
    if (from === null) return moved;
    const q = (name: string): string => this.database.quote(name);
    for (const { model, field } of followers) {
      const scope = await scopePredicate(sql, actor, actor.access.entity(model.key).scope('transfer')!);
      const where = `${q(field)} = ? AND owner_id = ? AND deleted_at IS NULL${scope ? ` AND (${scope.sql})` : ''}`;
      const params = [id, from, ...(scope?.params ?? [])];
      const rows = await sql.rows<{ id: string }>(`SELECT id FROM ${q(model.table)} WHERE ${where}${forUpdate(sql)}`, params);
      if (rows.length === 0) continue;
      await sql.execute(`UPDATE ${q(model.table)} SET owner_id = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE ${where}`, [to, now, actor.userId, ...params]);
      (moved[model.key] ??= []).push(...rows.map((row) => String(row.id)));
    }
    return moved;
  }
}
