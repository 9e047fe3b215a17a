import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { isDuplicateKey } from '../database/driver-error.js';
import { fromDbDatetime, toDbDatetime } from '../metadata/record-codec.js';

/** How long a key's answer is kept for repeats. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A first request still unanswered after this long died with its server: the key may be used again. */
export const ABANDONED_MS = 10 * 60 * 1000;

/** The answer a repeat gets: the first one's status, the headers that name what it made, and its body. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'mismatch' } | { kind: 'inProgress' };

interface Row {
  fingerprint: string;
  status: number | string | null;
  answer: string | null;
  created_at: string;
}

/**
 * The answers to requests sent with an `Idempotency-Key`, per caller: the first request claims the
 * key, its answer is stored, and a repeat (a retry after a lost response) is answered from here.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** Claims `key` for a request with this fingerprint, or says what the key already holds. */
  async claim(caller: string, key: string, fingerprint: string, now = new Date()): Promise<Claim> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.database.transaction((sql) =>
          sql.execute('INSERT INTO bf_idempotency (caller, idem_key, fingerprint, status, answer, created_at) VALUES (?, ?, ?, NULL, NULL, ?)', [
            caller,
            key,
            fingerprint,
            toDbDatetime(now.toISOString()),
          ]),
        );
        return { kind: 'claimed' };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const row = await this.row(caller, key);
      // Released between the INSERT and the read: claim again.
      if (!row) continue;
      const age = now.getTime() - Date.parse(fromDbDatetime(row.created_at)!);
      if (age > RETENTION_MS || (row.status === null && age > ABANDONED_MS)) {
        await this.database.transaction((sql) => sql.execute('DELETE FROM bf_idempotency WHERE caller = ? AND idem_key = ? AND created_at = ?', [caller, key, row.created_at]));
        continue;
      }
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.status === null || row.answer === null) return { kind: 'inProgress' };
      const { headers, body } = JSON.parse(row.answer) as Omit<StoredAnswer, 'status'>;
      return { kind: 'replay', answer: { status: Number(row.status), headers, body } };
    }
    return { kind: 'inProgress' };
  }

  async complete(caller: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.database.transaction((sql) =>
      sql.execute('UPDATE bf_idempotency SET status = ?, answer = ? WHERE caller = ? AND idem_key = ?', [
        answer.status,
        JSON.stringify({ headers: answer.headers, body: answer.body ?? null }),
        caller,
        key,
      ]),
    );
  }

  /** Gives the key back when its request failed or cannot be replayed, so it can be sent again. */
  async release(caller: string, key: string): Promise<void> {
    await this.database.transaction((sql) => sql.execute('DELETE FROM bf_idempotency WHERE caller = ? AND idem_key = ? AND status IS NULL', [caller, key]));
  }

  private async row(caller: string, key: string): Promise<Row | undefined> {
    const [row] = await this.database.read((sql) => sql.rows<Row>('SELECT fingerprint, status, answer, created_at FROM bf_idempotency WHERE caller = ? AND idem_key = ?', [caller, key]));
    return row;
  }
}
