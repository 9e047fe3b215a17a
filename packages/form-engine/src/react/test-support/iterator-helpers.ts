/**
 * The ES2025 iterator helpers (`Iterator`, `iterator.map/filter/find/…`) that jsdom 31 relies on
 * and Node 20 lacks, installed on %IteratorPrototype% as the standard defines them (lazy, one
 * step at a time). Only for tests on Node 20; a no-op where the engine has them.
 */
type Step<T> = Iterator<T>;
type Predicate = (value: unknown, index: number) => unknown;

const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;

function* mapped(source: Step<unknown>, fn: Predicate) {
  let index = 0;
  for (let step = source.next(); !step.done; step = source.next()) yield fn(step.value, index++);
}

function* filtered(source: Step<unknown>, fn: Predicate) {
  let index = 0;
  for (let step = source.next(); !step.done; step = source.next()) if (fn(step.value, index++)) yield step.value;
}

function* flatMapped(source: Step<unknown>, fn: (value: unknown, index: number) => Iterable<unknown>) {
  let index = 0;
  for (let step = source.next(); !step.done; step = source.next()) yield* fn(step.value, index++);
}

function* dropped(source: Step<unknown>, count: number) {
  let step = source.next();
  for (let skipped = 0; skipped < count && !step.done; skipped++) step = source.next();
  for (; !step.done; step = source.next()) yield step.value;
}

function* taken(source: Step<unknown>, count: number) {
  for (let n = 0; n < count; n++) {
    const step = source.next();
    if (step.done) return;
    yield step.value;
  }
}

function each(source: Step<unknown>, visit: (value: unknown, index: number) => boolean | void): void {
  let index = 0;
  for (let step = source.next(); !step.done; step = source.next()) {
    if (visit(step.value, index++) === false) {
      source.return?.();
      return;
    }
  }
}

const helpers: Record<string, (this: Step<unknown>, ...args: never[]) => unknown> = {
  map(fn: Predicate) {
    return mapped(this, fn);
  },
  filter(fn: Predicate) {
    return filtered(this, fn);
  },
  flatMap(fn: (value: unknown, index: number) => Iterable<unknown>) {
    return flatMapped(this, fn);
  },
  drop(count: number) {
    return dropped(this, count);
  },
  take(count: number) {
    return taken(this, count);
  },
  toArray() {
    const values: unknown[] = [];
    each(this, (value) => void values.push(value));
    return values;
  },
  forEach(fn: Predicate) {
    each(this, (value, index) => void fn(value, index));
  },
  some(fn: Predicate) {
    let found = false;
    each(this, (value, index) => !(found = Boolean(fn(value, index))));
    return found;
  },
  every(fn: Predicate) {
    let all = true;
    each(this, (value, index) => (all = Boolean(fn(value, index))));
    return all;
  },
  find(fn: Predicate) {
    let found: unknown;
    each(this, (value, index) => {
      if (!fn(value, index)) return true;
      found = value;
      return false;
    });
    return found;
  },
  reduce(fn: (total: unknown, value: unknown, index: number) => unknown, ...initial: unknown[]) {
    let started = initial.length > 0;
    let total = initial[0];
    each(this, (value, index) => {
      total = started ? fn(total, value, index) : value;
      started = true;
    });
    if (!started) throw new TypeError('Reduce of empty iterator with no initial value');
    return total;
  },
};

export function installIteratorHelpers(): void {
  const global = globalThis as { Iterator?: unknown };
  if (global.Iterator !== undefined) return;
  for (const [name, method] of Object.entries(helpers)) {
    Object.defineProperty(iteratorPrototype, name, { value: method, writable: true, configurable: true });
  }
  function Iterator(): void {}
  Iterator.prototype = iteratorPrototype;
  Object.defineProperty(iteratorPrototype, 'constructor', { value: Iterator, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Iterator', { value: Iterator, writable: true, configurable: true });
}
