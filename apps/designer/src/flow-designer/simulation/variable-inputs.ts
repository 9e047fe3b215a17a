/**
 * The analyst's typed entries for a flow's variables: text from the inputs read as the values the
 * engine takes (a money amount as exact decimal text, as records carry it; a number; a date; JSON
 * for lists and contexts), and a record's values turned into that text the way the server reads
 * them when it starts a case on the record.
 */
import type { FlowDefinition, FlowVariable, JsonValue } from '@bankforge/flow-engine';

export type VariableError = 'required' | 'number' | 'money' | 'boolean' | 'date' | 'dateTime' | 'list' | 'context';

export type ParsedVariable = { value?: JsonValue; error?: undefined } | { value?: undefined; error: VariableError };

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Thousands separators and spaces an analyst types in amounts ("500,000", "50 万" is not one of them). */
const plainNumber = (text: string) => text.replace(/[\s,，_]/g, '');

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** One variable's entry; empty means not given (its default applies, or the start is refused when it is required). */
export function parseVariable(variable: FlowVariable, text: string): ParsedVariable {
  const trimmed = text.trim();
  if (trimmed === '') return variable.required === true && variable.default === undefined ? { error: 'required' } : {};
  switch (variable.type) {
    case 'string':
      return { value: text };
    case 'number': {
      const n = Number(plainNumber(trimmed));
      return Number.isFinite(n) && DECIMAL.test(plainNumber(trimmed)) ? { value: n } : { error: 'number' };
    }
    case 'money':
      return DECIMAL.test(plainNumber(trimmed)) ? { value: plainNumber(trimmed) } : { error: 'money' };
    case 'boolean':
      return trimmed === 'true' ? { value: true } : trimmed === 'false' ? { value: false } : { error: 'boolean' };
    case 'date':
      return DATE.test(trimmed) ? { value: trimmed } : { error: 'date' };
    case 'dateTime':
      // A datetime-local input gives minutes: seconds make it a FEEL date and time.
      return DATE_TIME.test(trimmed) ? { value: /T\d{2}:\d{2}$/.test(trimmed) ? `${trimmed}:00` : trimmed } : { error: 'dateTime' };
    case 'list': {
      const v = parseJson(trimmed);
      return Array.isArray(v) ? { value: v } : { error: 'list' };
    }
    case 'context': {
      const v = parseJson(trimmed);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? { value: v } : { error: 'context' };
    }
  }
}

/** Every declared variable's entry: the values given, and the errors by variable name. */
export function parseVariables(variables: readonly FlowVariable[], texts: Readonly<Record<string, string>>): { values: Record<string, JsonValue>; errors: Record<string, VariableError> } {
  const values: Record<string, JsonValue> = {};
  const errors: Record<string, VariableError> = {};
  for (const variable of variables) {
    const parsed = parseVariable(variable, texts[variable.name] ?? '');
    if (parsed.error !== undefined) errors[variable.name] = parsed.error;
    else if (parsed.value !== undefined) values[variable.name] = parsed.value;
  }
  return { values, errors };
}

/** A value as the text its input shows. */
export function variableText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The entries a record gives (the flow's record binding: variable → field), as the server reads
 * them at start: a money field's amount, anything else its value. A masked value comes as the
 * reader sees it, and the variable's check then says what is wrong with it.
 */
export function entriesFromRecord(flow: FlowDefinition, record: Readonly<Record<string, unknown>>): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [variable, field] of Object.entries(flow.record?.variables ?? {})) {
    const value = record[field];
    if (value === null || value === undefined) continue;
    const amount = typeof value === 'object' && !Array.isArray(value) && 'amount' in value ? (value as { amount: unknown }).amount : value;
    entries[variable] = variableText(amount as JsonValue);
  }
  return entries;
}

/** Variables a step of the flow sets (decision and service outputs, sub-flow results): the analyst need not enter them. */
export function variablesSetBySteps(flow: FlowDefinition): Map<string, string> {
  const setBy = new Map<string, string>();
  for (const node of flow.nodes) {
    const outputs = node.type === 'decision' || node.type === 'subflow' ? node.outputs : node.type === 'service' ? (node.outputs ?? {}) : {};
    for (const variable of Object.keys(outputs)) if (!setBy.has(variable)) setBy.set(variable, node.id);
  }
  return setBy;
}
