/**
 * The engine's events of a simulated case in the analyst's words: which step it reached by which
 * path, who was asked and who answered, what the decisions said, when deadlines fell and what they
 * did. The bookkeeping events (a token left a step, a timer was cancelled) are left out.
 */
import type { FlowDefinition, FlowEvent, JsonValue } from '@bankforge/flow-engine';
import type { TFunction } from 'i18next';
import { nodeNameById, type DesignerLanguage } from '../document/names.js';
import { BY_HAND_TRACE } from './simulated-decisions.js';
import { simulatedPerson, type SimulatedPerson } from './simulated-people.js';

export interface TimelineContext {
  flow: FlowDefinition;
  language: DesignerLanguage;
  /** The `flowSimulation` namespace. */
  t: TFunction;
  /** An instant in the bank's zone, for people. */
  time: (iso: string) => string;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  text: string;
  /** Kinds of entry, for a marker beside it. */
  kind: 'path' | 'task' | 'answer' | 'time' | 'decision' | 'call' | 'end';
}

/** A stand-in's name: "Initiator", "credit_officer 2", "manager of credit_officer 2". */
export function personName(id: string, t: TFunction): string {
  const name = (p: SimulatedPerson): string => {
    switch (p.kind) {
      case 'initiator':
        return t('people.initiator');
      case 'holder':
        return t('people.holder', { role: p.role, n: p.n });
      case 'manager':
        return t('people.managerOf', { person: name(p.of) });
      case 'named':
        return p.id;
    }
  };
  return name(simulatedPerson(id));
}

const MAX_VALUE = 60;

/** `amount = 300000, purpose = Workshop` (strings as they are, other values as JSON, long ones cut). */
export function valuesText(values: Readonly<Record<string, JsonValue>>, language: DesignerLanguage): string {
  const text = Object.entries(values)
    .filter(([, v]) => v !== null)
    .map(([name, v]) => {
      const shown = typeof v === 'string' ? v : JSON.stringify(v);
      return `${name} = ${shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE)}…` : shown}`;
    });
  return text.join(language === 'zh-CN' ? '，' : ', ');
}

function peopleText(ids: readonly string[], t: TFunction, language: DesignerLanguage): string {
  return ids.map((id) => personName(id, t)).join(language === 'zh-CN' ? '、' : ', ');
}

function outcomeText(outcome: string | undefined, t: TFunction): string {
  if (outcome === undefined) return '';
  return ['approved', 'rejected', 'cancelled'].includes(outcome) ? t(`run.outcome.${outcome}`) : outcome;
}

/** The text of one event, or null when it is bookkeeping. */
function entryText(event: FlowEvent, previous: FlowEvent | undefined, context: TimelineContext): Omit<TimelineEntry, 'seq' | 'at'> | null {
  const { flow, language, t } = context;
  const step = event.nodeId === undefined ? '' : nodeNameById(flow, event.nodeId, language);
  const people = (ids: readonly string[]) => peopleText(ids, t, language);
  const person = (id: string | undefined) => (id === undefined ? '' : personName(id, t));
  switch (event.type) {
    case 'started': {
      const given = valuesText(event.data.variables, language);
      return { kind: 'path', text: given === '' ? t('event.started', { person: person(event.actor) }) : t('event.startedWith', { person: person(event.actor), values: given }) };
    }
    case 'entered': {
      const edge = flow.edges.find((e) => e.id === event.data.edgeId);
      if (edge === undefined) return { kind: 'path', text: t('event.reached', { step }) };
      const from = nodeNameById(flow, edge.source, language);
      if (edge.condition !== undefined) return { kind: 'path', text: t('event.wentWhen', { from, step, rule: edge.condition }) };
      if (edge.default === true) return { kind: 'path', text: t('event.wentDefault', { from, step }) };
      return { kind: 'path', text: t('event.went', { from, step }) };
    }
    case 'forked':
      return { kind: 'path', text: t('event.forked', { step }) };
    case 'joined':
      return { kind: 'path', text: t('event.joined', { step }) };
    case 'taskCreated':
      if (flow.nodes.find((n) => n.id === event.nodeId)?.type === 'start') return { kind: 'task', text: t('event.resubmitTask') };
      return { kind: 'task', text: t('event.taskCreated', { step, people: people(event.data.assignees) }) };
    case 'voteRejected':
      return { kind: 'answer', text: t('event.voteRejected', { step, person: person(event.data.userId) }) };
    case 'approved':
      return { kind: 'answer', text: event.data.automatic === true ? t('event.approvedAutomatically', { step }) : t('event.approved', { step, person: person(event.data.userId) }) };
    case 'delegated':
      return { kind: 'answer', text: t('event.delegated', { step, from: person(event.data.from), to: person(event.data.to) }) };
    case 'approverAdded':
      return { kind: 'answer', text: t(event.data.position === 'before' ? 'event.approverAddedBefore' : 'event.approverAddedAfter', { step, by: person(event.data.addedBy), person: person(event.data.userId) }) };
    case 'authorityRouted':
      return { kind: 'answer', text: t('event.authorityRouted', { step, person: person(event.data.approver), limit: event.data.limit, people: people(event.data.to) }) };
    case 'escalated':
      return { kind: 'time', text: t('event.escalated', { step, from: people(event.data.from), to: people(event.data.to) }) };
    case 'commented':
      return { kind: 'answer', text: t('event.commented', { step, person: person(event.actor) }) };
    case 'taskClosed': {
      const { reason, automatic, toInitiator, returnTo } = event.data;
      if (automatic === true && (reason === 'approved' || reason === 'rejected')) return { kind: 'time', text: t(`event.closed.${reason}Automatically`, { step }) };
      if (reason === 'returned') {
        return { kind: 'answer', text: toInitiator === true ? t('event.closed.returnedToInitiator', { step }) : t('event.closed.returned', { step, to: nodeNameById(flow, returnTo ?? '', language) }) };
      }
      // An approval closing right after the approval that decided it says nothing new.
      if (reason === 'approved' && previous?.type === 'approved' && previous.taskId === event.taskId) return null;
      return { kind: 'answer', text: t(`event.closed.${reason}`, { step }) };
    }
    case 'timerSet':
      return { kind: 'time', text: t(`event.timer.${event.data.timer.purpose}`, { step, time: context.time(event.data.timer.dueAt) }) };
    case 'timerDone':
      return event.data.fired === true ? { kind: 'time', text: t('event.timerFired', { step }) } : null;
    case 'callStarted':
      return { kind: 'call', text: t(`event.call.${event.data.call.kind}`, { step }) };
    case 'callDone':
      return { kind: 'call', text: event.data.ok ? t('event.callSucceeded', { step }) : t('event.callFailed', { step, error: event.data.error ?? '' }) };
    case 'varsSet':
      // The decision's answer already said what it set.
      if (previous?.type === 'decided' && previous.nodeId === event.nodeId) return null;
      return { kind: 'decision', text: t('event.varsSet', { values: valuesText(event.data.variables, language) }) };
    case 'decided': {
      const values = valuesText(event.data.outputs, language);
      const byHand = JSON.stringify(event.data.trace) === JSON.stringify(BY_HAND_TRACE);
      return { kind: 'decision', text: byHand ? t('event.decidedByHand', { step, key: event.data.decisionKey, values }) : t('event.decided', { step, key: event.data.decisionKey, version: event.data.decisionVersion ?? '?', values }) };
    }
    case 'notified':
      return { kind: 'call', text: t(`event.notified.${event.data.kind}`, { step, people: people(event.data.to) }) };
    case 'ended':
      return { kind: 'end', text: t(`event.ended.${event.data.status}`, { outcome: outcomeText(event.data.outcome, t), error: event.data.error ?? '' }) };
    case 'migrated':
      return { kind: 'path', text: t('event.migrated', { to: event.data.toVersion }) };
    case 'left':
    case 'multiStarted':
      return null;
  }
}

export function timelineEntries(events: readonly FlowEvent[], context: TimelineContext): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  events.forEach((event, i) => {
    const entry = entryText(event, events[i - 1], context);
    if (entry !== null) entries.push({ seq: event.seq, at: event.at, ...entry });
  });
  return entries;
}

export { outcomeText };
