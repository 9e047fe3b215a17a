/**
 * Values at the engine's edges: FEEL values to JSON and back, ISO durations, declared variable
 * types, and the error that fails an instance at run time.
 */
import {
  FeelDecimal,
  fromFeelValue,
  parseDateTime,
  parseDuration,
  toFeelValue,
  YearsMonthsDuration,
  type FeelValue,
} from '@bankforge/rule-engine';
import type { FlowVariable } from '../definition/flow-definition.js';
import type { JsonValue } from './state/flow-state.js';

/** A problem with the flow found while running it: the instance fails (the command still succeeds). */
export class FlowRuntimeError extends Error {}

/** The fork ids all the stacks share, outermost first. */
export function commonPrefix(stacks: string[][]): string[] {
  const first = stacks[0] ?? [];
  let n = first.length;
  for (const f of stacks) {
    let k = 0;
    while (k < n && f[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n);
}

export function toJson(v: FeelValue): JsonValue {
  return fromFeelValue(v) as JsonValue;
}

export function toNumber(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function pathGet(value: JsonValue, path: string): JsonValue {
  let cur: JsonValue | undefined = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, part)) return null;
    cur = cur[part];
  }
  return cur ?? null;
}

/** Parsed durations by text (a flow has a handful: `PT48H`, ...; the cache is bounded all the same). */
const durations = new Map<string, ReturnType<typeof parseDuration>>();

function parsedDuration(text: string): ReturnType<typeof parseDuration> {
  let d = durations.get(text);
  if (d === undefined && !durations.has(text)) {
    d = parseDuration(text);
    if (durations.size >= 1000) durations.clear();
    durations.set(text, d);
  }
  return d ?? null;
}

/** Milliseconds of an ISO 8601 duration from `fromMs` (years and months on the UTC calendar). */
export function durationMs(duration: string, fromMs: number): number {
  const d = parsedDuration(duration);
  if (d === null) throw new FlowRuntimeError(`${duration} is not an ISO 8601 duration`);
  if (d instanceof YearsMonthsDuration) {
    const date = new Date(fromMs);
    date.setUTCMonth(date.getUTCMonth() + d.months);
    return date.getTime() - fromMs;
  }
  return d.seconds.times(1000).toNumber();
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Money travels as an exact decimal string, as records carry it; FEEL reads it as that number. */
export function variableToFeel(declared: FlowVariable | undefined, value: JsonValue): FeelValue {
  if (declared?.type === 'money' && typeof value === 'string' && DECIMAL_TEXT.test(value)) return new FeelDecimal(value);
  return toFeelValue(value);
}

export function typeMatches(v: FlowVariable, value: JsonValue): boolean {
  switch (v.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'money':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
    case 'dateTime':
      return typeof value === 'string' && parseDateTime(value) !== null;
    case 'list':
      return Array.isArray(value);
    case 'context':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}
