import type { FieldDefinition } from '@bankforge/data-model';
import type { EntityAccess, FieldView } from '../access/access-profile.js';
import { defaultMaskOf, maskValue } from '../access/masking.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import type { RecordColumn } from './record-fields.js';

/**
 * What one person sees of an entity's records: hidden fields are dropped, masked fields masked.
 * Everything that leaves the server passes through `present`, so reads, lists and exports agree.
 */
export class RecordView {
  constructor(
    readonly model: EntityModel,
    readonly access: EntityAccess,
  ) {}

  fieldView(field: FieldDefinition): FieldView {
    return this.access.field(field.key, field.derivedFrom);
  }

  visible(field: FieldDefinition): boolean {
    return this.fieldView(field).see !== 'none';
  }

  present<T extends Record<string, unknown>>(record: T): T {
    if (!this.access.restrictsFields) return record;
    const shown: Record<string, unknown> = { ...record };
    for (const field of this.model.definition.fields) {
      const view = this.fieldView(field);
      if (view.see === 'none') delete shown[field.key];
      else if (view.see === 'masked' && field.key in shown) shown[field.key] = maskValue(shown[field.key], view.mask ?? defaultMaskOf(field));
    }
    return shown as T;
  }

  /** The sensitive fields this person reads in clear: reading them is audited. */
  clearSensitiveFields(): string[] {
    return this.model.definition.fields.filter((f) => f.sensitive === true && this.fieldView(f).see === 'clear').map((f) => f.key);
  }

  /** A write may only name fields the person may write; hidden ones are refused like read-only ones, without saying more. */
  checkWritable(keys: Iterable<string>): void {
    const errors: ProblemFieldError[] = [];
    for (const key of keys) {
      const field = this.model.fieldsByKey.get(key);
      if (field && !this.fieldView(field).write) errors.push({ path: `/${key}`, code: 'fieldNotWritable', message: `You may not change ${key}` });
    }
    if (errors.length > 0) throw new ProblemError(403, 'fieldNotWritable', 'Your role may not change some of these fields.', errors);
  }

  /**
   * Why a filter, sort or projection may not use a column, or undefined when it may. A hidden field
   * cannot be used at all (a count would leak its values), and a masked one only be shown masked:
   * even an exact match answers yes or no, and a thousand candidates in `in` halve to the value in a
   * dozen counts. Revealing a masked value is the audited unmask's job alone.
   */
  columnDenial(column: RecordColumn, use: 'filter' | 'sort' | 'project', path: string): ProblemFieldError | undefined {
    if (!column.field) return undefined;
    const view = this.fieldView(column.field);
    if (view.see === 'none') return { path, code: 'fieldNotPermitted', message: `You may not use ${column.name}` };
    if (view.see === 'masked' && use !== 'project') {
      return { path, code: 'fieldMasked', message: `${column.name} is masked for you: it cannot be filtered or sorted on; unmask a record's value instead` };
    }
    return undefined;
  }
}

/** Audit-log form of a value: sensitive fields are masked there too, so the log is no copy of the secrets. */
export function auditValue(field: FieldDefinition, value: unknown): unknown {
  return field.sensitive === true ? maskValue(value, defaultMaskOf(field)) : value;
}
