/**
 * The ES2025 iterator helpers (a global `Iterator` and `map`, `filter`, … on iterators), which
 * jsdom 31 uses and Node 20 lacks. Installed for tests only, and only where missing.
 */
type Callback = (value: unknown, index: number) => unknown;

const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as Record<string, unknown>;

function* each(source: Iterator<unknown>): Generator<unknown> {
  for (let step = source.next(); !step.done; step = source.next()) yield step.value;
}

const helpers: Record<string, (this: Iterator<unknown>, ...args: never[]) => unknown> = {
  *map(fn: Callback) {
    let i = 0;
    for (const value of each(this)) yield fn(value, i++);
  },
  *filter(fn: Callback) {
    let i = 0;
    for (const value of each(this)) if (fn(value, i++)) yield value;
  },
  *flatMap(fn: (value: unknown, index: number) => Iterable<unknown>) {
    let i = 0;
    for (const value of each(this)) yield* fn(value, i++);
  },
  *take(limit: number) {
    if (limit <= 0) return;
    let i = 0;
    for (const value of each(this)) {
      yield value;
      if (++i >= limit) return;
    }
  },
  *drop(count: number) {
    let i = 0;
    for (const value of each(this)) if (i++ >= count) yield value;
  },
  toArray() {
    return [...each(this)];
  },
  forEach(fn: Callback) {
    let i = 0;
    for (const value of each(this)) fn(value, i++);
  },
  some(fn: Callback) {
    let i = 0;
    for (const value of each(this)) if (fn(value, i++)) return true;
    return false;
  },
  every(fn: Callback) {
    let i = 0;
    for (const value of each(this)) if (!fn(value, i++)) return false;
    return true;
  },
  find(fn: Callback) {
    let i = 0;
    for (const value of each(this)) if (fn(value, i++)) return value;
    return undefined;
  },
  reduce(fn: (accumulator: unknown, value: unknown, index: number) => unknown, ...initial: unknown[]) {
    let i = 0;
    let started = initial.length > 0;
    let accumulator = initial[0];
    for (const value of each(this)) {
      if (started) accumulator = fn(accumulator, value, i);
      else [accumulator, started] = [value, true];
      i++;
    }
    if (!started) throw new TypeError('Reduce of empty iterator with no initial value');
    return accumulator;
  },
};

export function installIteratorHelpers(): void {
  const global = globalThis as { Iterator?: unknown };
  if (global.Iterator !== undefined) return;
  for (const [name, fn] of Object.entries(helpers)) {
    Object.defineProperty(iteratorPrototype, name, { value: fn, writable: true, configurable: true });
  }
  // An abstract constructor whose prototype is %IteratorPrototype%, so `class X extends Iterator` works.
  function Iterator(): void {}
  Iterator.prototype = iteratorPrototype;
  Object.defineProperty(iteratorPrototype, 'constructor', { value: Iterator, writable: true, configurable: true });
  global.Iterator = Iterator;
}
