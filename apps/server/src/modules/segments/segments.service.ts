import { Inject, Injectable } from '@nestjs/common';
import type { Segment, SegmentChange, SegmentInput, SegmentSharing } from '@bankforge/client';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import { RecordsService } from '../records/records.service.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { driverError } from '../../platform/database/driver-error.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { visibleSegments } from './segment-audience.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

interface SegmentRow {
  id: string;
  entity_key: string;
  name: string;
  filter: string;
  sort: string;
  sharing: string;
  owner_id: string;
  owner_name: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = 'SELECT s.*, u.username AS owner_name FROM bf_segment s LEFT JOIN bf_user u ON u.id = s.owner_id';

function segmentOf(row: SegmentRow, actor: Actor): Segment {
  return {
    id: row.id,
    entity: row.entity_key,
    name: row.name,
    filter: JSON.parse(row.filter) as Segment['filter'],
    sort: JSON.parse(row.sort) as Segment['sort'],
    sharing: row.sharing as SegmentSharing,
    owner: { id: row.owner_id, name: row.owner_name ?? row.owner_id },
    mine: row.owner_id === actor.userId,
    createdAt: fromStoredDatetime(row.created_at)!,
    updatedAt: fromStoredDatetime(row.updated_at)!,
  };
}

function nameTaken(name: string): ProblemError {
  return new ProblemError(409, 'segmentNameTaken', `You already have a segment named "${name}" on this list.`, [
    { path: '/name', code: 'taken', message: `You already have a segment named "${name}" on this list.`, messageZh: `您在此列表上已有名为“${name}”的分群。` },
  ]);
}

function isUniqueViolation(error: unknown): boolean {
  const driver = driverError(error);
  return driver?.code === 'ER_DUP_ENTRY' || driver?.errno === 1062 || driver?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Segments: saved list filters, each owned by a user and shared with no one, their reporting line
 * or their branch. A segment holds only a filter and sort: reading one shows nothing of any record,
 * and running it is a records query, in the reader's own scope and field rules.
 */
@Injectable()
export class SegmentsService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** The segments of an entity's list the reader sees (who may not read the entity gets its refusal), by name. */
  async list(entityKey: string, actor: Actor): Promise<Segment[]> {
    await this.records.viewFor(entityKey, actor, 'read');
    return this.database.read(async (sql) => {
      const visible = await visibleSegments(sql, actor);
      const rows = await sql.rows<SegmentRow>(`${SELECT} WHERE s.entity_key = ? AND ${visible.sql} ORDER BY s.name, s.id`, [entityKey, ...visible.params]);
      return rows.map((row) => segmentOf(row, actor));
    });
  }

  async create(input: SegmentInput, actor: Actor): Promise<Segment> {
    const owner = this.ownerOf(actor);
    const sort = input.sort ?? [];
    await this.checkRunnable(input.entity, input.filter, sort, actor);
    const name = input.name.trim();
    const now = toStoredDatetime(new Date().toISOString());
    const id = timeOrderedId();
    try {
      await this.database.transaction(async (sql) => {
        await this.requireFreeName(sql, owner, input.entity, name);
        await this.insert(sql, id, { ...input, name, sort }, owner, now, actor);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
    return this.read(id, actor);
  }

  /**
   * A segment an example ships, saved as its owner's under its fixed id (the example's automations
   * name it). It is written before its entity is published, so its filter is not run here: the
   * example's tests run it. One already there is left as it is.
   */
  async ship(segment: SegmentInput & { id: string }, ownerId: string): Promise<void> {
    await this.database.transaction(async (sql) => {
      const [there] = await sql.rows('SELECT id FROM bf_segment WHERE id = ?', [segment.id]);
      if (there) return;
      await this.insert(sql, segment.id, { ...segment, sort: segment.sort ?? [] }, ownerId, toStoredDatetime(new Date().toISOString()), SYSTEM_ACTOR);
    });
  }

  private async insert(sql: SqlExecutor, id: string, input: SegmentInput & { sort: Segment['sort'] }, owner: string, now: string, actor: Actor): Promise<void> {
    await sql.execute('INSERT INTO bf_segment (id, entity_key, name, filter, sort, sharing, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      id,
      input.entity,
      input.name,
      JSON.stringify(input.filter),
      JSON.stringify(input.sort),
      input.sharing,
      owner,
      now,
      now,
    ]);
    // Its name and reach, never its filter: the values a filter names may be a customer's.
    await this.audit.append(sql, actor, { action: 'segment', entity: input.entity, detail: { change: 'created', segment: id, name: input.name, sharing: input.sharing } });
  }

  /** Changes a segment; its owner only (others who see it are refused, others are told there is none). */
  async change(id: string, change: SegmentChange, actor: Actor): Promise<Segment> {
    const current = await this.owned(id, actor);
    if (change.filter !== undefined || change.sort !== undefined) {
      await this.checkRunnable(current.entity, change.filter ?? current.filter, change.sort ?? current.sort, actor);
    }
    const name = change.name?.trim();
    const changed: [column: string, value: string | undefined][] = [
      ['name', name],
      ['filter', change.filter === undefined ? undefined : JSON.stringify(change.filter)],
      ['sort', change.sort === undefined ? undefined : JSON.stringify(change.sort)],
      ['sharing', change.sharing],
    ];
    const sets = changed.filter(([, value]) => value !== undefined);
    try {
      await this.database.transaction(async (sql) => {
        if (name !== undefined && name !== current.name) await this.requireFreeName(sql, current.owner.id, current.entity, name);
        await sql.execute(`UPDATE bf_segment SET ${sets.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
          ...sets.map(([, value]) => value!),
          toStoredDatetime(new Date().toISOString()),
          id,
        ]);
      });
    } catch (error) {
      if (isUniqueViolation(error) && name !== undefined) throw nameTaken(name);
      throw error;
    }
    return this.read(id, actor);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const current = await this.owned(id, actor);
    await this.database.transaction(async (sql) => {
      await sql.execute('DELETE FROM bf_segment WHERE id = ?', [id]);
      await this.audit.append(sql, actor, { action: 'segment', entity: current.entity, detail: { change: 'deleted', segment: id, name: current.name, sharing: current.sharing } });
    });
  }

  private ownerOf(actor: Actor): string {
    if (actor.userId === null) throw new ProblemError(403, 'segmentOwnerRequired', 'Segments belong to a person or an API key; the system cannot own one.');
    return actor.userId;
  }

  /**
   * The filter and sort as the owner's records query would take them: unknown fields, operators
   * that do not fit a field, and fields their roles may not filter on are refused here as they are
   * there (422 or 403, at /filter/… and /sort/…), by running it for one id.
   */
  private async checkRunnable(entityKey: string, filter: Segment['filter'], sort: Segment['sort'], actor: Actor): Promise<void> {
    await this.records.query(entityKey, { filter, sort, fields: ['id'], limit: 1 }, actor);
  }

  private async requireFreeName(sql: SqlExecutor, owner: string, entityKey: string, name: string): Promise<void> {
    const [taken] = await sql.rows('SELECT id FROM bf_segment WHERE owner_id = ? AND entity_key = ? AND name = ?', [owner, entityKey, name]);
    if (taken) throw nameTaken(name);
  }

  /** A segment the reader sees; one they do not is not found, as if it did not exist. */
  private async read(id: string, actor: Actor): Promise<Segment> {
    return this.database.read(async (sql) => {
      const visible = await visibleSegments(sql, actor);
      const [row] = await sql.rows<SegmentRow>(`${SELECT} WHERE s.id = ? AND ${visible.sql}`, [id, ...visible.params]);
      if (!row) throw ProblemError.notFound('segmentNotFound', 'There is no segment with this id.');
      return segmentOf(row, actor);
    });
  }

  private async owned(id: string, actor: Actor): Promise<Segment> {
    const segment = await this.read(id, actor);
    if (!segment.mine) throw new ProblemError(403, 'notSegmentOwner', `Only ${segment.owner.name}, who saved this segment, may change or delete it.`);
    return segment;
  }
}
