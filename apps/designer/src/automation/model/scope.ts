import type { AutomationAction, AutomationTrigger } from '@bankforge/flow-engine';

/** What a trigger's condition reads (the contract's scopes): a record change, a posted payload, a case. */
export function triggerNames(trigger: AutomationTrigger): string[] {
  switch (trigger.type) {
    case 'record':
      return ['old', 'new', 'changed'];
    case 'inbound':
      return trigger.entity ? ['payload', 'record'] : ['payload'];
    case 'case':
      return ['case'];
    case 'schedule':
      return [];
  }
}

/** What the action at `index` reads: the run's record, `now`, and the results of the actions before it kept under their `as` names. */
export function actionNames(actions: readonly AutomationAction[], index: number): string[] {
  const earlier = actions.slice(0, index).flatMap((a) => (a.as ? [a.as] : []));
  return ['record', 'now', ...earlier];
}

/** Test input values as typed (`1200000`, `true`, `"text"`, `["a"]`): JSON when it reads as JSON, else the text itself. */
export function typedValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
