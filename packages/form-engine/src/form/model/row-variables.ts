import type { FeelContext, FeelValue } from '@bankforge/rule-engine';

/**
 * The variables of an expression inside a repeating group: the row as `item`, the form's values
 * by name. A read-only view over both, so no row ever copies the form's variables.
 */
export class RowVariables extends Map<string, FeelValue> {
  constructor(
    private readonly form: Readonly<Record<string, FeelValue>>,
    private readonly item: FeelContext,
  ) {
    super();
  }

  override get(name: string): FeelValue | undefined {
    if (name === 'item') return this.item;
    return Object.hasOwn(this.form, name) ? this.form[name] : undefined;
  }

  override has(name: string): boolean {
    return name === 'item' || Object.hasOwn(this.form, name);
  }
}
