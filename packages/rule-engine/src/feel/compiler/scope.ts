/**
 * Variable scopes for evaluation. Lookups never copy the caller's variables and never read a
 * prototype: a plain-object variables record is read with `Object.hasOwn` only.
 */
import { FeelContext, FeelDecimal, type FeelValue } from '../values/feel-value.js';
import type { FeelVariables } from '../api.js';

export interface Scope {
  /** The value bound to `name`, or undefined when the name is not bound here or above. */
  lookup(name: string): FeelValue | undefined;
}

/** Converts a host value that slipped in as a variable (a JS number) to FEEL. */
function fromHost(value: unknown): FeelValue | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? new FeelDecimal(value) : null;
    case 'bigint':
      return new FeelDecimal(value.toString());
    case 'undefined':
      return undefined;
    case 'function':
    case 'symbol':
      return null;
    default:
      return value as FeelValue;
  }
}

export class RootScope implements Scope {
  constructor(private readonly variables: FeelVariables) {}

  lookup(name: string): FeelValue | undefined {
    const vars = this.variables;
    if (vars instanceof Map) return fromHost(vars.get(name));
    if (!Object.hasOwn(vars, name)) return undefined;
    return fromHost((vars as Readonly<Record<string, unknown>>)[name]);
  }
}

export const EMPTY_SCOPE: Scope = { lookup: () => undefined };

/** One name bound in front of a parent scope (iteration variables, `?`). */
export class BindingScope implements Scope {
  constructor(
    private readonly parent: Scope,
    private readonly name: string,
    private readonly value: FeelValue,
  ) {}

  lookup(name: string): FeelValue | undefined {
    return name === this.name ? this.value : this.parent.lookup(name);
  }
}

/** Several names (function parameters, context entries being built). */
export class MapScope implements Scope {
  constructor(
    private readonly parent: Scope,
    readonly bindings: Map<string, FeelValue>,
  ) {}

  lookup(name: string): FeelValue | undefined {
    const v = this.bindings.get(name);
    return v !== undefined ? v : this.parent.lookup(name);
  }
}

/** Inside a filter: `item`, and the entries of the item when it is a context. */
export class ItemScope implements Scope {
  constructor(
    private readonly parent: Scope,
    private readonly item: FeelValue,
  ) {}

  lookup(name: string): FeelValue | undefined {
    const item = this.item;
    if (item instanceof FeelContext) {
      const v = item.entries.get(name);
      if (v !== undefined) return v;
    }
    if (name === 'item') return item;
    return this.parent.lookup(name);
  }
}
