import { Injectable } from '@nestjs/common';
import { formatNumber, isAutoNumbered, localDateOf, maxSequence, numberingPeriod, parseNumbering, readNumber, type FieldDefinition, type Numbering } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { bankTimeZone } from '../../platform/config/bank-time-zone.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';

/**
 * Numbers new records' auto-numbered fields (a loan's `LA202607000001`) from counters kept per
 * entity, field and period in `bf_numbering_counter`, inside the insert's transaction: the
 * counter's row stays locked until the insert commits, so concurrent inserts queue for it (on
 * MariaDB; SQLite writes one transaction at a time anyway), and an insert that fails takes its
 * number back with it. No gaps, no duplicates, and never `MAX()+1`.
 */
@Injectable()
export class AutoNumbers {
  /** The bank's time zone: the creation day a number's date parts and period are read in. */
  readonly timeZone = bankTimeZone();
  private readonly patterns = new Map<string, Numbering>();

  /**
   * `values` with each auto-numbered field given its next number. People may not choose one
   * (422 `autoNumbered`); the system (an import, the example's seed) writes the numbers it brings.
   */
  async assign(tx: SqlExecutor, model: EntityModel, values: Readonly<Record<string, unknown>>, createdAt: string, actor: Actor): Promise<Record<string, unknown>> {
    const fields = model.definition.fields.filter(isAutoNumbered);
    if (fields.length === 0) return { ...values };
    if (actor.kind !== 'system') this.refuseChosen(fields, values);
    const out = { ...values };
    const day = localDateOf(createdAt, this.timeZone);
    for (const field of fields) {
      const numbering = this.numberingOf(field);
      const brought = out[field.key];
      if (brought !== undefined && brought !== null) {
        // A number brought by the system moves its period's counter past it: the next one given is new.
        const read = typeof brought === 'string' ? readNumber(numbering, brought) : undefined;
        if (read) await this.passed(tx, model.key, field.id, read.period, read.sequence);
        continue;
      }
      const period = numberingPeriod(numbering, day);
      const sequence = await this.next(tx, model.key, field.id, period);
      if (sequence > maxSequence(numbering)) {
        throw ProblemError.conflict('numberingExhausted', `${model.key}.${field.key} has given all ${maxSequence(numbering)} numbers of its pattern ${field.numbering ?? ''} for this period; an analyst must widen its sequence.`, { field: field.key, period });
      }
      out[field.key] = formatNumber(numbering, day, sequence);
    }
    return out;
  }

  /** Refuses a change of an auto-numbered value by a person: the number a record was given is its own. */
  checkUnchanged(model: EntityModel, changes: Readonly<Record<string, unknown>>, stored: Readonly<Record<string, unknown>>, actor: Actor): void {
    if (actor.kind === 'system') return;
    const changed = model.definition.fields.filter((f) => isAutoNumbered(f) && Object.hasOwn(changes, f.key) && (changes[f.key] ?? null) !== (stored[f.key] ?? null));
    if (changed.length > 0) throw this.refusal(changed);
  }

  private refuseChosen(fields: readonly FieldDefinition[], values: Readonly<Record<string, unknown>>): void {
    const chosen = fields.filter((f) => values[f.key] !== undefined && values[f.key] !== null);
    if (chosen.length > 0) throw this.refusal(chosen);
  }

  private refusal(fields: readonly FieldDefinition[]): ProblemError {
    const errors: ProblemFieldError[] = fields.map((f) => ({
      path: `/${f.key}`,
      code: 'autoNumbered',
      message: `${f.label.en} is numbered by the server when the record is saved; leave it out`,
      messageZh: `${f.label['zh-CN']}由系统在保存时编号，请勿填写`,
    }));
    return ProblemError.invalid(`${fields.map((f) => f.key).join(', ')} ${fields.length > 1 ? 'are' : 'is'} numbered by the server.`, errors, 'autoNumbered');
  }

  private numberingOf(field: FieldDefinition): Numbering {
    // Published entities passed the definition rules, so the pattern reads.
    const pattern = field.numbering ?? '';
    let numbering = this.patterns.get(pattern);
    if (numbering === undefined) {
      numbering = parseNumbering(pattern);
      this.patterns.set(pattern, numbering);
    }
    return numbering;
  }

  /** Moves the counter to at least `sequence` (creating it there). */
  private async passed(tx: SqlExecutor, entityKey: string, fieldId: string, period: string, sequence: number): Promise<void> {
    const upsert =
      tx.dialect === 'sqlite'
        ? 'INSERT INTO bf_numbering_counter (entity_key, field_id, period, last_value) VALUES (?, ?, ?, ?) ON CONFLICT (entity_key, field_id, period) DO UPDATE SET last_value = MAX(last_value, excluded.last_value)'
        : 'INSERT INTO bf_numbering_counter (entity_key, field_id, period, last_value) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_value = GREATEST(last_value, VALUES(last_value))';
    await tx.execute(upsert, [entityKey, fieldId, period, sequence]);
  }

  /** The next number of the counter, creating it at 1; its row stays locked until the transaction ends. */
  private async next(tx: SqlExecutor, entityKey: string, fieldId: string, period: string): Promise<number> {
    const key = [entityKey, fieldId, period];
    if (tx.dialect === 'sqlite') {
      const [row] = await tx.rows<{ last_value: number }>(
        'INSERT INTO bf_numbering_counter (entity_key, field_id, period, last_value) VALUES (?, ?, ?, 1) ON CONFLICT (entity_key, field_id, period) DO UPDATE SET last_value = last_value + 1 RETURNING last_value',
        key,
      );
      return Number(row?.last_value);
    }
    await tx.execute('INSERT INTO bf_numbering_counter (entity_key, field_id, period, last_value) VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE last_value = last_value + 1', key);
    // The row this transaction just wrote (and holds locked): its own write is what it reads.
    const [row] = await tx.rows<{ last_value: number | string }>('SELECT last_value FROM bf_numbering_counter WHERE entity_key = ? AND field_id = ? AND period = ?', key);
    return Number(row?.last_value);
  }
}
