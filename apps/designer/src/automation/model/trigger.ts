import type { AutomationTrigger, AutomationTriggerType } from '@bankforge/flow-engine';

/** The entity a trigger's run reads, where the trigger type has one. */
export function triggerEntity(trigger: AutomationTrigger): string | undefined {
  return trigger.type === 'case' ? undefined : trigger.entity;
}

/**
 * The trigger of another type, keeping what fits: the entity carries over between record,
 * schedule and inbound triggers. Conditions do not: each type's FEEL sees other names
 * (`old`/`new`, `payload`, `case`), so an expression would not mean the same thing.
 */
export function switchTrigger(trigger: AutomationTrigger, type: AutomationTriggerType): AutomationTrigger {
  if (trigger.type === type) return trigger;
  const entity = triggerEntity(trigger) ?? '';
  switch (type) {
    case 'record':
      return { type, entity, on: ['updated'] };
    case 'schedule':
      return { type, every: 'day', at: '09:00', timeZone: 'Asia/Shanghai', ...(entity ? { entity } : {}) };
    case 'inbound':
      return { type, event: '', ...(entity ? { entity } : {}) };
    case 'case':
      return { type, flow: '', events: ['completed'] };
  }
}

/** Sets or clears an optional text property: an empty value is left out of the document. */
export function withOptional<T extends object, K extends keyof T>(value: T, key: K, text: T[K] | '' | undefined): T {
  const next = { ...value };
  if (text === '' || text === undefined) delete next[key];
  else next[key] = text as T[K];
  return next;
}

/** Adds or removes one item of a list of choices (events), keeping the order of `all`. */
export function toggled<T extends string>(list: readonly T[], item: T, on: boolean, all: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return all.filter((x) => set.has(x));
}
