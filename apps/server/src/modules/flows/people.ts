import { Inject, Injectable } from '@nestjs/common';
import type { Actor as FlowActor, Directory } from '@bankforge/flow-engine';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { DirectoryStamp } from '../auth/directory-stamp.js';

/** Like the catalogs, the people the answers name are re-read after a second. */
const NAMES_TTL_MS = 1000;

/** A user as approvals see them: roles, branch and reporting line. */
export interface Person {
  id: string;
  username: string;
  name: string;
  branch: string | null;
  managerId: string | null;
  roles: readonly string[];
  active: boolean;
}

/**
 * The bank's people, read in the command's transaction: the engine resolves assignees (a role, a
 * branch's role, the initiator's manager) over this snapshot, and the answers name people by it.
 * The engine knows people by username (immutable, and readable in the trail and the audit log).
 */
export class People {
  private constructor(private readonly byUsername: ReadonlyMap<string, Person>) {}

  static async load(sql: SqlExecutor): Promise<People> {
    const rows = await sql.rows<{ id: string; username: string; display_name: string; branch: string | null; manager_id: string | null; roles: string; active: number | boolean }>(
      'SELECT id, username, display_name, branch, manager_id, roles, active FROM bf_user',
    );
    return new People(
      new Map(
        rows.map((r) => [
          r.username,
          { id: r.id, username: r.username, name: r.display_name, branch: r.branch, managerId: r.manager_id, roles: JSON.parse(r.roles) as string[], active: r.active === true || Number(r.active) === 1 },
        ]),
      ),
    );
  }

  get(username: string): Person | undefined {
    return this.byUsername.get(username);
  }

  /** `{id, name}` for an answer (the id is the username); an unknown one keeps it as its name. */
  named(username: string): { id: string; name: string } {
    const person = this.byUsername.get(username);
    return { id: username, name: person ? person.name : username };
  }

  /** The engine's view: only active people are ever assigned. */
  get directory(): Directory {
    const active = [...this.byUsername.values()].filter((p) => p.active);
    return {
      usersInRole: (role) => active.filter((p) => p.roles.includes(role)).map((p) => p.username),
      usersInRoleAtBranch: (role, branch) => active.filter((p) => p.branch === branch && p.roles.includes(role)).map((p) => p.username),
      managerOf: (userId, levels) => this.managerChain(userId)[levels - 1],
    };
  }

  /** Manager, their manager, ... by username (stops at a loop, which the directory refuses anyway). */
  managerChain(username: string): string[] {
    const byUserId = new Map([...this.byUsername.values()].map((p) => [p.id, p]));
    const chain: string[] = [];
    let current = byUserId.get(this.byUsername.get(username)?.managerId ?? '');
    while (current !== undefined && !chain.includes(current.username) && chain.length < 16) {
      chain.push(current.username);
      current = byUserId.get(current.managerId ?? '');
    }
    return chain;
  }

  /** The engine's actor for a signed-in user. */
  flowActor(username: string, admin: boolean): FlowActor {
    const person = this.byUsername.get(username);
    return {
      userId: username,
      roles: person ? [...person.roles] : [],
      ...(person?.branch ? { branch: person.branch } : {}),
      managerChain: this.managerChain(username),
      admin,
    };
  }
}

/**
 * The people as a command sees them: read in the command's transaction, but only when the
 * directory's stamp moved since this replica last read them (a bank has thousands of users, and
 * every approval command, timer and escalation resolves assignees over them).
 */
@Injectable()
export class PeopleDirectory {
  private snapshot: { stamp: number; people: People } | undefined;

  /** The people as of the stamp (read in this transaction by the caller, or here). */
  async load(sql: SqlExecutor, stamp?: number): Promise<People> {
    stamp ??= await DirectoryStamp.read(sql);
    if (this.snapshot?.stamp === stamp) return this.snapshot.people;
    const people = await People.load(sql);
    // Read in the same transaction as the stamp, so the two agree.
    this.snapshot = { stamp, people };
    return people;
  }
}

/**
 * The people as answers name them (inbox pages, case views), re-read after a second. A command
 * reads them afresh in its own transaction: assignment must see the directory as it is.
 */
@Injectable()
export class PeopleNames {
  private snapshot: { people: Promise<People>; at: number } | undefined;

  constructor(@Inject(Database) private readonly database: Database) {}

  current(): Promise<People> {
    const now = Date.now();
    if (!this.snapshot || now - this.snapshot.at >= NAMES_TTL_MS) this.snapshot = { people: this.database.read((sql) => People.load(sql)), at: now };
    return this.snapshot.people;
  }
}
