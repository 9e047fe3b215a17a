/**
 * Publish rules of a flow's record binding (`record`): it needs an entity, reads declared
 * variables, and writes only controlled fields, at milestones the flow has, in FEEL that parses.
 * Whether the fields exist on the entity is checked by the flow kind on publish (`flow-kind.ts`),
 * where the published entity is at hand.
 */
import { RECORD_MILESTONES } from './flow-definition.js';
import { feelSyntaxDetail } from './feel-syntax.js';
import { jsonPointer } from './json-pointer.js';
import type { FlowProblem } from './validate-flow.js';

/** The names a write expression reads besides the case variables (and which hide variables of those names). */
export const RECORD_WRITE_NAMES = ['initiator', 'actor', 'at'] as const;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The milestones a flow may write its record at: the fixed ones, the outcome of each end node
 * (`approved` when it names none; error ends fail the case instead), and `rejected` when an
 * approval without a reject edge can end the case by a rejection (it offers reject, or rejects on
 * timeout).
 */
export function flowMilestones(doc: Json): Set<string> {
  const milestones = new Set<string>(RECORD_MILESTONES);
  const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    if (node.type === 'end' && node.errorCode === undefined) milestones.add(typeof node.outcome === 'string' ? node.outcome : 'approved');
    if (node.type === 'approval' && node.rejectEdge === undefined && canReject(node)) milestones.add('rejected');
  }
  return milestones;
}

/** An approval node that offers reject or rejects on timeout. */
function canReject(node: Json): boolean {
  const actions = Array.isArray(node.actions) ? node.actions : [];
  return actions.includes('reject') || (isRecord(node.timeout) && node.timeout.action === 'autoReject');
}

/** Every problem of `doc.record` (a binding the schema accepted), with its JSON Pointer. */
export function recordBindingProblems(doc: Json, variableNames: ReadonlySet<string>): FlowProblem[] {
  const binding = doc.record;
  if (!isRecord(binding)) return [];
  const problems: FlowProblem[] = [];
  if (doc.entity === undefined) {
    problems.push({ path: '/record', code: 'recordWithoutEntity', message: 'the flow binds a record but names no entity: set entity to the entity its cases are about' });
  }
  const variables = isRecord(binding.variables) ? binding.variables : {};
  for (const name of Object.keys(variables)) {
    if (!variableNames.has(name)) {
      problems.push({ path: jsonPointer('record', 'variables', name), code: 'unknownVariable', message: `the record binding reads field "${String(variables[name])}" into "${name}", which is not a declared variable` });
    }
  }
  const controlled = new Set(Array.isArray(binding.controlledFields) ? binding.controlledFields.filter((f): f is string => typeof f === 'string') : []);
  const milestones = flowMilestones(doc);
  const writes = isRecord(binding.writes) ? binding.writes : {};
  const names = [...variableNames, ...RECORD_WRITE_NAMES];
  for (const [milestone, values] of Object.entries(writes)) {
    if (!milestones.has(milestone)) {
      problems.push({
        path: jsonPointer('record', 'writes', milestone),
        code: 'unknownMilestone',
        message: `the record binding writes at "${milestone}", which is not a milestone of this flow (${[...milestones].join(', ')})`,
      });
    }
    if (!isRecord(values)) continue;
    for (const [field, source] of Object.entries(values)) {
      const path = jsonPointer('record', 'writes', milestone, field);
      if (!controlled.has(field)) {
        problems.push({ path, code: 'uncontrolledWrite', message: `the record binding writes field "${field}" at "${milestone}", but "${field}" is not one of its controlledFields` });
      }
      const detail = typeof source === 'string' ? feelSyntaxDetail(source, names) : undefined;
      if (detail !== undefined) {
        problems.push({ path, code: 'feelSyntax', message: `FEEL error in the record write of "${field}" at "${milestone}" at ${detail}` });
      }
    }
  }
  const startOn = isRecord(binding.startOn) ? binding.startOn : {};
  if (typeof startOn.condition === 'string') {
    // The condition reads the variables the record gives (nothing else is known when a record is written).
    const boundVariables = Object.keys(variables).filter((name) => variableNames.has(name));
    const detail = feelSyntaxDetail(startOn.condition, boundVariables);
    if (detail !== undefined) problems.push({ path: '/record/startOn/condition', code: 'feelSyntax', message: `FEEL error in the start condition at ${detail}` });
    if (boundVariables.length === 0) {
      problems.push({ path: '/record/startOn/condition', code: 'startConditionReadsNothing', message: 'the start condition reads the variables bound to record fields (record.variables), and the flow binds none' });
    }
  }
  return problems;
}
