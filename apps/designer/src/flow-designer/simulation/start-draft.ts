/**
 * What the analyst fills in before a simulated case starts, and the start it makes: the variables
 * read from their entries, the start time on the bank's clock, the stand-ins per role, and the
 * decisions each step calls (published ones evaluated here, the others answered by hand).
 */
import type { FlowDefinition, JsonValue } from '@bankforge/flow-engine';
import { byHandDecider, decisionRef, type Decider } from './simulated-decisions.js';
import { zonedToInstant } from './sim-time.js';
import type { SimulationSetup } from './simulation.js';
import type { SimulationSources } from './useSimulationSources.js';
import { parseVariables, type VariableError } from './variable-inputs.js';

export interface StartDraft {
  /** Entry text per variable name. */
  entries: Record<string, string>;
  /** `2026-03-06T16:00` on the bank's clock; empty: now. */
  startsAt: string;
  holders: number;
  /** By decision reference: entry text per output path, for decisions answered by hand. */
  byHand: Record<string, Record<string, string>>;
}

export const EMPTY_DRAFT: StartDraft = { entries: {}, startsAt: '', holders: 3, byHand: {} };

export type PreparedStart =
  | { setup: SimulationSetup; variables: Record<string, JsonValue>; at: string; errors?: undefined }
  | { errors: Record<string, VariableError | 'startsAt'>; setup?: undefined };

/** A hand-entered output: a number, true/false, JSON for lists and objects, else the text itself. */
export function looseValue(text: string): JsonValue {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed === 'null') return null;
  if (/^[[{"]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as JsonValue;
    } catch {
      return text;
    }
  }
  return text;
}

export function prepareStart(flow: FlowDefinition, sources: SimulationSources, draft: StartDraft, now: string, timeZone: string): PreparedStart {
  const { values, errors } = parseVariables(flow.variables, draft.entries);
  const at = draft.startsAt.trim() === '' ? now : zonedToInstant(draft.startsAt, timeZone);
  const allErrors: Record<string, VariableError | 'startsAt'> = { ...errors };
  if (at === undefined) allErrors.startsAt = 'startsAt';
  if (Object.keys(allErrors).length > 0 || at === undefined) return { errors: allErrors };

  const deciders = new Map<string, Decider>();
  for (const { node, source } of sources.decisions) {
    const ref = decisionRef(node.decisionKey, node.decisionVersion);
    if (source.kind === 'published') {
      deciders.set(ref, source.decide);
      continue;
    }
    // Nothing entered: no decider, and the case fails at the step as it would on the server.
    const entered = Object.entries(draft.byHand[ref] ?? {}).filter(([, text]) => text.trim() !== '');
    if (entered.length > 0) deciders.set(ref, byHandDecider(Object.fromEntries(entered.map(([path, text]) => [path, looseValue(text)]))));
  }
  const calendar = sources.calendar.status === 'found' ? sources.calendar.calendar : undefined;
  return { setup: { flow, ...(calendar !== undefined ? { calendar } : {}), deciders, holders: draft.holders }, variables: values, at };
}
