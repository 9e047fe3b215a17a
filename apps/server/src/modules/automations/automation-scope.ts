import type { EntityDefinition } from '@bankforge/data-model';
import { evaluateRequestBody } from '@bankforge/flow-engine';
import { compileExpression, fromFeelValue, toFeelValue, type CompiledExpression, type FeelValue } from '@bankforge/rule-engine';
import { AccessProfile } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { sensitiveFields } from '../audit/audit-redaction.js';
import type { FieldChange } from '../events/domain-events.js';

/** Steps one expression may take: automations hold short conditions and values, never computations. */
const STEP_BUDGET = 50_000;
const CACHED = 500;
const compiled = new Map<string, CompiledExpression>();

type Values = Record<string, unknown>;

/**
 * What a run's expressions read, as stored with the run: the trigger's values (record fields
 * without the sensitive ones, a posted payload, a case) and each earlier action's result.
 */
export interface RunContext {
  old?: Values | null;
  new?: Values;
  changed?: string[];
  payload?: Values;
  case?: { id: string; flow: string; status: string | null; outcome: string | null };
  results: Values;
}

/**
 * The automation acting: the server's rights (it runs what an analyst published and an
 * administrator let run), named `automation:<key>` in the audit log and on the records it writes.
 */
export function automationActor(key: string): Actor {
  return { kind: 'system', userId: null, name: `automation:${key}`, branch: null, roles: [], access: AccessProfile.unrestricted };
}

/** Evaluates a FEEL expression over `scope` (plain JSON values); its value as JSON. Throws on a syntax error or a spent budget. */
export function evaluateFeel(source: string, scope: Values): unknown {
  let expression = compiled.get(source);
  if (expression === undefined) {
    if (compiled.size >= CACHED) compiled.clear();
    expression = compileExpression(source);
    compiled.set(source, expression);
  }
  const variables: Record<string, FeelValue> = {};
  for (const [name, value] of Object.entries(scope)) variables[name] = toFeelValue(value);
  return fromFeelValue(expression.evaluate(variables, { stepBudget: STEP_BUDGET }).value);
}

/**
 * A connector call's body: its FEEL template evaluated over `scope` by the one request-body
 * evaluator flows' service steps use too, as JSON text. Throws as `evaluateFeel` does.
 */
export function requestBody(template: string, scope: Values): string {
  const values: Record<string, FeelValue> = {};
  for (const [name, value] of Object.entries(scope)) values[name] = toFeelValue(value);
  return JSON.stringify(evaluateRequestBody(template, values, { stepBudget: STEP_BUDGET }));
}

/** Whether a condition holds: absent holds; only `true` does otherwise (null, an error: it does not). */
export function holds(source: string | undefined, scope: Values): boolean {
  if (source === undefined || source.trim() === '') return true;
  try {
    return evaluateFeel(source, scope) === true;
  } catch {
    return false;
  }
}

/** A record's values without its sensitive fields (and those read from one): what may be in a run's scope. */
export function withoutSensitive(entity: EntityDefinition, values: Readonly<Values>): Values {
  const sensitive = sensitiveFields(entity);
  const kept: Values = {};
  for (const [key, value] of Object.entries(values)) if (!sensitive.has(key)) kept[key] = value;
  return kept;
}

/**
 * `old`, `new` and `changed` of a record event: the record as read now with the event's changes
 * laid over it (new) and their earlier values laid over that (old). A change of a sensitive field
 * is known by name only, and its field is left out of both.
 */
export function recordTriggerScope(
  entity: EntityDefinition,
  current: Readonly<Values> | undefined,
  changes: Readonly<Record<string, FieldChange>>,
  created: boolean,
): Pick<RunContext, 'old' | 'new' | 'changed'> {
  const next: Values = { ...(current ?? {}) };
  const before: Values = { ...next };
  for (const [key, change] of Object.entries(changes)) {
    if ('masked' in change) continue;
    next[key] = change.new;
    before[key] = change.old ?? null;
  }
  return { old: created ? null : withoutSensitive(entity, before), new: withoutSensitive(entity, next), changed: Object.keys(changes) };
}

/** The scope an action's expressions read: the trigger's values, results by name, the record, now. */
export function actionScope(context: RunContext, record: Values | null, now: string): Values {
  const { results, ...trigger } = context;
  return { ...trigger, ...results, record, now };
}

/** The values of a field map (field key -> FEEL), evaluated over `scope`. */
export function evaluateValues(values: Readonly<Record<string, string>>, scope: Values): Values {
  const out: Values = {};
  for (const [field, source] of Object.entries(values)) out[field] = evaluateFeel(source, scope);
  return out;
}
