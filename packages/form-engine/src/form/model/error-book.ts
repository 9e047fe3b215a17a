/**
 * The model's current errors, by where they come from: a field (required and type checks), a
 * cross-field validation, or a repeating group's row count. Flattened in layout order.
 */
import type { FieldError } from '@bankforge/data-model';
import type { FormPlan, Rule } from '../compile/form-plan.js';

export class ErrorBook {
  readonly fields = new Map<string, readonly FieldError[]>();
  readonly validations = new Map<Rule, FieldError>();
  readonly groups = new Map<string, FieldError>();

  setField(pointer: string, errors: readonly FieldError[]): void {
    if (errors.length === 0) this.fields.delete(pointer);
    else this.fields.set(pointer, errors);
  }

  /** After row `index` of `group` was removed: its errors go, later rows' errors move up one. */
  removeRow(group: string, index: number): void {
    const prefix = `/${group}/`;
    const moved: Array<[string, readonly FieldError[]]> = [];
    for (const [pointer, errors] of this.fields) {
      if (!pointer.startsWith(prefix)) continue;
      const rest = pointer.slice(prefix.length);
      const slash = rest.indexOf('/');
      const row = Number(slash < 0 ? rest : rest.slice(0, slash));
      if (row < index) continue;
      this.fields.delete(pointer);
      if (row === index) continue;
      const renamed = `${prefix}${row - 1}${slash < 0 ? '' : rest.slice(slash)}`;
      moved.push([renamed, errors.map((e) => ({ ...e, path: renamed + e.path.slice(pointer.length) }))]);
    }
    for (const [pointer, errors] of moved) this.fields.set(pointer, errors);
  }

  /** Every error: fields in layout order, then each group's rows, then the cross-field validations. */
  flatten(plan: FormPlan, rowCount: (group: string) => number): FieldError[] {
    const out: FieldError[] = [];
    for (const key of plan.fields.keys()) out.push(...(this.fields.get(`/${key}`) ?? []));
    for (const group of plan.groups.values()) {
      const count = this.groups.get(group.key);
      if (count) out.push(count);
      for (let i = 0, n = rowCount(group.key); i < n; i++) {
        for (const key of group.fields.keys()) out.push(...(this.fields.get(`/${group.key}/${i}/${key}`) ?? []));
      }
    }
    for (const rule of plan.rules) {
      const error = this.validations.get(rule);
      if (error) out.push(error);
    }
    return out;
  }
}
