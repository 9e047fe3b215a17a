import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { FieldCipher } from '../crypto/field-cipher.js';
import { Database } from '../database/database.js';
import { isDuplicateKey } from '../database/driver-error.js';

/** How long a key's answer is kept for repeats. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A first request still unanswered after this long died with its server: the key may be used again. */
export const ABANDONED_MS = 10 * 60 * 1000;

/**
 * What a repeat's body is made from. Never a value in clear: `value` is sealed with the field
 * cipher before it is written, and a resource is kept only as where it is.
 */
export type KeptBody =
  /** The first answer had no body (204). */
  | { kind: 'none' }
  /** The resource at `location` is read again for the repeat, under the caller's current rights. */
  | { kind: 'reread'; location: string }
  /** The first answer's body, repeated only to a caller whose rights still hash to `rights`. */
  | { kind: 'value'; rights: string; value: unknown }
  /** The body is not kept in a form that may be repeated (kept by an earlier version, or its data key is gone). */
  | { kind: 'withheld' };

/** The answer a repeat gets: the first one's status, the headers that name what it made, and how to give its body. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: KeptBody;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'mismatch' } | { kind: 'inProgress' };

/** The `answer` column: `kept` (not the `body` of the first version, which held answers in clear). */
interface AnswerColumn {
  headers: Record<string, string>;
  kept?: { kind: 'none' } | { kind: 'reread'; location: string } | { kind: 'sealed'; sealed: string } | { kind: 'withheld' };
}

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
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
  ) {}

  /** Claims `key` for a request with this fingerprint, or says what the key already holds. */
  async claim(caller: string, key: string, fingerprint: string, now = new Date()): Promise<Claim> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.database.transaction((sql) =>
          sql.execute('INSERT INTO bf_idempotency (caller, idem_key, fingerprint, status, answer, created_at) VALUES (?, ?, ?, NULL, NULL, ?)', [
            caller,
            key,
            fingerprint,
            toStoredDatetime(now.toISOString()),
          ]),
        );
        return { kind: 'claimed' };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const row = await this.row(caller, key);
      // Released between the INSERT and the read: claim again.
      if (!row) continue;
      const age = now.getTime() - Date.parse(fromStoredDatetime(row.created_at)!);
      if (age > RETENTION_MS || (row.status === null && age > ABANDONED_MS)) {
        await this.database.transaction((sql) => sql.execute('DELETE FROM bf_idempotency WHERE caller = ? AND idem_key = ? AND created_at = ?', [caller, key, row.created_at]));
        continue;
      }
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.status === null || row.answer === null) return { kind: 'inProgress' };
      const { headers, kept } = JSON.parse(row.answer) as AnswerColumn;
      return { kind: 'replay', answer: { status: Number(row.status), headers, body: this.open(caller, key, kept) } };
    }
    return { kind: 'inProgress' };
  }

  async complete(caller: string, key: string, answer: StoredAnswer): Promise<void> {
    const column: AnswerColumn = { headers: answer.headers, kept: this.seal(caller, key, answer.body) };
    await this.database.transaction((sql) =>
      sql.execute('UPDATE bf_idempotency SET status = ?, answer = ? WHERE caller = ? AND idem_key = ?', [answer.status, JSON.stringify(column), caller, key]),
    );
  }

  /** Gives the key back when its request failed or cannot be replayed, so it can be sent again. */
  async release(caller: string, key: string): Promise<void> {
    await this.database.transaction((sql) => sql.execute('DELETE FROM bf_idempotency WHERE caller = ? AND idem_key = ? AND status IS NULL', [caller, key]));
  }

  /** The cipher's associated data: a sealed answer opens only in the row it was written to, for that caller and key. */
  private aad(caller: string, key: string): string {
    return `bf_idempotency\n${caller}\n${key}`;
  }

  private seal(caller: string, key: string, body: KeptBody): AnswerColumn['kept'] {
    if (body.kind !== 'value') return body;
    return { kind: 'sealed', sealed: this.cipher.encrypt(JSON.stringify({ rights: body.rights, value: body.value ?? null }), this.aad(caller, key)) };
  }

  private open(caller: string, key: string, kept: AnswerColumn['kept']): KeptBody {
    if (kept === undefined) return { kind: 'withheld' };
    if (kept.kind !== 'sealed') return kept;
    try {
      const { rights, value } = JSON.parse(this.cipher.decrypt(kept.sealed, this.aad(caller, key))) as { rights: string; value: unknown };
      return { kind: 'value', rights, value };
    } catch {
      // Its data key was dropped from the keyring (or the row was tampered with): not repeatable.
      return { kind: 'withheld' };
    }
  }

  private async row(caller: string, key: string): Promise<Row | undefined> {
    const [row] = await this.database.read((sql) => sql.rows<Row>('SELECT fingerprint, status, answer, created_at FROM bf_idempotency WHERE caller = ? AND idem_key = ?', [caller, key]));
    return row;
  }
}
