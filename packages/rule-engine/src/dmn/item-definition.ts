/**
 * Types of a decision model: FEEL built-in types and item definitions (structured, collections,
 * allowed values), compiled once into checkers that conform a value or say why it does not.
 */
import {
  DaysTimeDuration,
  FeelContext,
  FeelDate,
  FeelDateTime,
  FeelFunction,
  FeelRange,
  FeelTime,
  YearsMonthsDuration,
  type FeelValue,
} from '../feel/values/feel-value.js';
import { isCompileFailure, isFeelNumber, parseTemporal, tryCompileUnaryTests, type CompiledUnaryTests } from './feel-bridge.js';
import { coerceTo, dateAtUtcMidnight, parseType, type FeelType } from '../feel/values/types.js';
import type { ItemDefinition } from './model.js';
import type { Run } from './run.js';

/** Why a value does not conform to a type. */
export class Mismatch {
  constructor(readonly message: string) {}
}

export interface DmnType {
  readonly name: string;
  /**
   * The value conformed to the type (a singleton list unwrapped, a single value wrapped in a
   * list, with `coerceStrings` an ISO string read as a date/time/duration), or a Mismatch.
   */
  conform(value: FeelValue, run: Run, coerceStrings: boolean): FeelValue | Mismatch;
}

type BuiltinCheck = (value: FeelValue) => boolean;

const isTemporalKind: Record<string, 'date' | 'time' | 'dateTime' | 'duration'> = {
  date: 'date',
  time: 'time',
  'date and time': 'dateTime',
  'days and time duration': 'duration',
  'years and months duration': 'duration',
  duration: 'duration',
};

const BUILTINS: Record<string, BuiltinCheck> = {
  number: (v) => isFeelNumber(v),
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => v instanceof FeelDate,
  time: (v) => v instanceof FeelTime,
  'date and time': (v) => v instanceof FeelDateTime,
  'days and time duration': (v) => v instanceof DaysTimeDuration,
  'years and months duration': (v) => v instanceof YearsMonthsDuration,
  duration: (v) => v instanceof DaysTimeDuration || v instanceof YearsMonthsDuration,
  context: (v) => v instanceof FeelContext,
  list: (v) => Array.isArray(v),
  function: (v) => v instanceof FeelFunction,
  range: (v) => v instanceof FeelRange,
};

/** Legacy and XML Schema spellings of the built-in type names. */
const ALIASES: Record<string, string> = {
  dateTime: 'date and time',
  dayTimeDuration: 'days and time duration',
  yearMonthDuration: 'years and months duration',
  decimal: 'number',
  double: 'number',
  integer: 'number',
  int: 'number',
  long: 'number',
  any: 'Any',
  Any: 'Any',
};

export function builtinTypeName(typeRef: string): string | null {
  const name = ALIASES[typeRef] ?? typeRef;
  if (name === 'Any') return name;
  return Object.hasOwn(BUILTINS, name) ? name : null;
}

function describe(value: FeelValue): string {
  if (value === null) return 'null';
  if (isFeelNumber(value)) return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return `a ${(value as object).constructor.name}`;
}

class AnyType implements DmnType {
  readonly name = 'Any';
  conform(value: FeelValue): FeelValue {
    return value;
  }
}

export const ANY_TYPE: DmnType = new AnyType();

class BuiltinType implements DmnType {
  private readonly temporal: 'date' | 'time' | 'dateTime' | 'duration' | undefined;
  constructor(
    readonly name: string,
    private readonly check: BuiltinCheck,
  ) {
    this.temporal = isTemporalKind[name];
  }

  conform(value: FeelValue, _run: Run, coerceStrings: boolean): FeelValue | Mismatch {
    if (value === null || this.check(value)) return value;
    if (Array.isArray(value) && value.length === 1) {
      // from singleton list (10.3.2.9.4)
      const only = value[0] as FeelValue;
      if (only === null || this.check(only)) return only;
      if (only instanceof FeelDate && this.name === 'date and time') return dateAtUtcMidnight(only);
    }
    // from date to date and time: the date's UTC midnight (10.3.2.9.4)
    if (value instanceof FeelDate && this.name === 'date and time') return dateAtUtcMidnight(value);
    if (coerceStrings && typeof value === 'string' && this.temporal) {
      const parsed = parseTemporal(this.temporal, value);
      if (parsed !== null && this.check(parsed)) return parsed;
    }
    return new Mismatch(`${describe(value)} is not a ${this.name}`);
  }
}

class ListType implements DmnType {
  readonly name: string;
  constructor(readonly item: DmnType) {
    this.name = `list<${item.name}>`;
  }
  conform(value: FeelValue, run: Run, coerceStrings: boolean): FeelValue | Mismatch {
    if (value === null) return null;
    const list: readonly FeelValue[] = Array.isArray(value) ? value : [value as FeelValue];
    let out: FeelValue[] | null = Array.isArray(value) ? null : [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i] as FeelValue;
      const conformed = this.item.conform(item, run, coerceStrings);
      if (conformed instanceof Mismatch) return new Mismatch(`item ${i + 1}: ${conformed.message}`);
      if (out === null && conformed !== item) out = list.slice(0, i);
      if (out !== null) out.push(conformed);
    }
    return out ?? value;
  }
}

class StructureType implements DmnType {
  constructor(
    readonly name: string,
    readonly components: readonly (readonly [string, DmnType])[],
  ) {}
  conform(value: FeelValue, run: Run, coerceStrings: boolean): FeelValue | Mismatch {
    if (value === null) return null;
    if (Array.isArray(value) && value.length === 1 && value[0] instanceof FeelContext) value = value[0];
    if (!(value instanceof FeelContext)) return new Mismatch(`${describe(value)} is not a ${this.name}`);
    let changed: Map<string, FeelValue> | null = null;
    for (const [key, type] of this.components) {
      const current = value.get(key);
      if (current === undefined) continue;
      const conformed = type.conform(current, run, coerceStrings);
      if (conformed instanceof Mismatch) return new Mismatch(`${this.name}.${key}: ${conformed.message}`);
      if (conformed !== current) {
        changed ??= new Map(value.entries);
        changed.set(key, conformed);
      }
    }
    return changed ? new FeelContext(changed) : value;
  }
}

class ConstrainedType implements DmnType {
  constructor(
    readonly name: string,
    readonly base: DmnType,
    readonly allowed: CompiledUnaryTests | null,
    readonly allowedSource: string,
    readonly compileError: string | null,
  ) {}
  conform(value: FeelValue, run: Run, coerceStrings: boolean): FeelValue | Mismatch {
    const conformed = this.base.conform(value, run, coerceStrings);
    if (conformed instanceof Mismatch || conformed === null) return conformed;
    if (this.compileError !== null) return new Mismatch(`the allowed values of ${this.name} do not compile: ${this.compileError}`);
    if (this.allowed === null) return conformed;
    const result = this.allowed.test(conformed, EMPTY_SCOPE, run.feelOptions);
    if (result.warnings.length > 0) run.addFeelWarnings(result.warnings);
    if (result.value !== true) {
      return new Mismatch(`${describe(conformed)} is not an allowed value of ${this.name} (${this.allowedSource})`);
    }
    return conformed;
  }
}

const EMPTY_SCOPE: ReadonlyMap<string, FeelValue> = new Map();

/**
 * A typeRef written as a FEEL type expression (`list<number>`, `context<a: string>`,
 * `range<date>`, `function<number>->number`): values are conformed by FEEL's implicit conversions
 * (10.3.2.9.4) and checked against the type's structure; item definitions named inside it are
 * resolved as `instance of` resolves them.
 */
class FeelTypeRef implements DmnType {
  constructor(
    readonly name: string,
    private readonly type: FeelType,
    private readonly named: () => ReadonlyMap<string, FeelType>,
  ) {}
  conform(value: FeelValue): FeelValue | Mismatch {
    const converted = coerceTo(value, this.type, this.named());
    return converted === undefined ? new Mismatch(`${describe(value)} is not a ${this.name}`) : converted;
  }
}

/** Item definitions of a model, compiled lazily by name (they may refer to one another). */
export class TypeRegistry {
  private readonly definitions = new Map<string, ItemDefinition>();
  private readonly compiled = new Map<string, DmnType>();
  readonly diagnostics: string[] = [];

  constructor(
    itemDefinitions: readonly ItemDefinition[],
    private readonly names: readonly string[],
  ) {
    for (const def of itemDefinitions) this.definitions.set(def.name, def);
  }

  /** The type named by a typeRef; `Any` when absent or unknown (with a diagnostic). */
  resolve(typeRef: string | undefined, importPrefix?: string): DmnType {
    if (typeRef === undefined || typeRef === '') return ANY_TYPE;
    if (importPrefix !== undefined && this.definitions.has(`${importPrefix}.${typeRef}`)) {
      return this.resolveDefinition(`${importPrefix}.${typeRef}`, 0);
    }
    if (this.definitions.has(typeRef)) return this.resolveDefinition(typeRef, 0);
    return this.resolveBuiltin(typeRef);
  }

  private feelNamed: Map<string, FeelType> | null = null;

  private resolveBuiltin(typeRef: string): DmnType {
    const name = builtinTypeName(typeRef);
    if (name === null) {
      const generic = /^(list|context|range|function)\s*</.exec(typeRef);
      const parsed = generic ? parseType(typeRef) : null;
      if (parsed !== null) {
        const key = `feel:${typeRef}`;
        let type = this.compiled.get(key);
        if (!type) {
          type = new FeelTypeRef(typeRef, parsed, () => (this.feelNamed ??= feelTypesOf([...this.definitions.values()])));
          this.compiled.set(key, type);
        }
        return type;
      }
      this.diagnostics.push(`Unknown type ${JSON.stringify(typeRef)}: treated as Any.`);
      return ANY_TYPE;
    }
    if (name === 'Any') return ANY_TYPE;
    let type = this.compiled.get(`builtin:${name}`);
    if (!type) {
      type = new BuiltinType(name, BUILTINS[name] as BuiltinCheck);
      this.compiled.set(`builtin:${name}`, type);
    }
    return type;
  }

  private resolveDefinition(name: string, depth: number): DmnType {
    const cached = this.compiled.get(name);
    if (cached) return cached;
    const def = this.definitions.get(name) as ItemDefinition;
    const type = this.build(def, name, depth);
    this.compiled.set(name, type);
    return type;
  }

  private build(def: ItemDefinition, name: string, depth: number): DmnType {
    if (depth > 32) {
      this.diagnostics.push(`Item definition ${name} nests too deeply (a cycle?).`);
      return ANY_TYPE;
    }
    let base: DmnType;
    if (def.itemComponents && def.itemComponents.length > 0) {
      base = new StructureType(
        name,
        def.itemComponents.map((c) => [c.name, this.build(c, `${name}.${c.name}`, depth + 1)] as const),
      );
    } else if (def.typeRef !== undefined && this.definitions.has(def.typeRef) && def.typeRef !== name) {
      base = this.resolveDefinition(def.typeRef, depth + 1);
    } else {
      base = this.resolveBuiltin(def.typeRef ?? 'Any');
    }
    let itemType = base;
    if (def.allowedValues !== undefined && def.allowedValues.trim() !== '') {
      const compiled = tryCompileUnaryTests(def.allowedValues, this.names);
      if (isCompileFailure(compiled)) {
        this.diagnostics.push(`Allowed values of ${name} do not compile: ${compiled.message}`);
        itemType = new ConstrainedType(name, base, null, def.allowedValues, compiled.message);
      } else {
        itemType = new ConstrainedType(name, base, compiled, def.allowedValues, null);
      }
    }
    return def.isCollection ? new ListType(itemType) : itemType;
  }
}

/**
 * Conforms a value to a type: the value itself, or null with a warning (`dmn.typeMismatch`)
 * naming `what` and `name` ("input", "Age") when it does not conform.
 */
export function conformOrNull(type: DmnType, value: FeelValue, run: Run, what: string, name = '', coerceStrings = false): FeelValue {
  if (type === ANY_TYPE) return value;
  const conformed = type.conform(value, run, coerceStrings);
  if (conformed instanceof Mismatch) {
    const label = name === '' ? what : `${what} ${name}`;
    return run.warn('dmn.typeMismatch', `${label}: ${conformed.message} (type ${type.name}); the value is null.`);
  }
  return conformed;
}

/**
 * The item definitions as FEEL types, for `instance of` in the model's expressions: structure
 * only (allowed values do not count, DMN TCK 0070 number_013), a collection as a list, components
 * as context entries, a typeRef to another definition followed.
 */
export function feelTypesOf(definitions: readonly ItemDefinition[]): Map<string, FeelType> {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const typeOf = (def: ItemDefinition, depth: number): FeelType => {
    let base: FeelType;
    const components = def.itemComponents ?? [];
    if (components.length > 0) {
      base = { kind: 'context', entries: components.map((c) => [c.name, typeOf(c, depth + 1)] as const) };
    } else if (def.typeRef === undefined || def.typeRef === '') {
      base = { kind: 'any' };
    } else {
      const other = byName.get(def.typeRef);
      // A chain of references deeper than any sane model is a cycle: its name stays unresolved.
      if (other !== undefined && other !== def && depth < 32) base = typeOf(other, depth + 1);
      else base = parseType(builtinTypeName(def.typeRef) ?? def.typeRef) ?? { kind: 'unknown', name: def.typeRef };
    }
    return def.isCollection === true ? { kind: 'list', of: base } : base;
  };
  return new Map(definitions.map((def) => [def.name, typeOf(def, 0)]));
}
