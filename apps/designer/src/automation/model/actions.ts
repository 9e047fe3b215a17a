import type { AutomationAction, AutomationActionType } from '@bankforge/flow-engine';

/** The next free id for an action of `type`: `setTags_1`, `setTags_2`, … (runs name actions by it). */
export function nextActionId(actions: readonly AutomationAction[], type: AutomationActionType): string {
  const taken = new Set(actions.map((a) => a.id));
  let n = 1;
  while (taken.has(`${type}_${n}`)) n++;
  return `${type}_${n}`;
}

/** An action as it is first added: the fields it needs, empty, for the analyst to fill. */
export function newAction(type: AutomationActionType, id: string): AutomationAction {
  switch (type) {
    case 'updateRecord':
      return { id, type, values: {} };
    case 'setTags':
      return { id, type, field: '', add: [], remove: [] };
    case 'createRecord':
      return { id, type, entity: '', values: {} };
    case 'startFlow':
      return { id, type, flow: '' };
    case 'assignOwner':
      return { id, type, role: '' };
    case 'evaluateDecision':
      return { id, type, decision: '', inputs: {} };
    case 'notify':
      return { id, type, to: { owner: true }, message: { en: '', 'zh-CN': '' } };
    case 'callConnector':
      return { id, type, connector: '', method: 'POST', path: '/' };
    case 'wait':
      return { id, type, duration: 'P1D' };
    case 'condition':
      return { id, type, when: '' };
  }
}

export function addAction(actions: readonly AutomationAction[], type: AutomationActionType, at = actions.length): AutomationAction[] {
  const next = [...actions];
  next.splice(at, 0, newAction(type, nextActionId(actions, type)));
  return next;
}

export function removeAction(actions: readonly AutomationAction[], index: number): AutomationAction[] {
  return actions.filter((_, i) => i !== index);
}

/** A copy right after the original, with its own id; its `as` name is dropped (names must stay unique). */
export function duplicateAction(actions: readonly AutomationAction[], index: number): AutomationAction[] {
  const original = actions[index];
  if (!original) return [...actions];
  const { as: _as, ...rest } = structuredClone(original);
  const copy = { ...rest, id: nextActionId(actions, original.type) } as AutomationAction;
  const next = [...actions];
  next.splice(index + 1, 0, copy);
  return next;
}

/** Moves the action at `from` to `to` (clamped); the list is unchanged when it cannot move. */
export function moveAction(actions: readonly AutomationAction[], from: number, to: number): AutomationAction[] {
  const target = Math.max(0, Math.min(actions.length - 1, to));
  if (from === target || !actions[from]) return [...actions];
  const next = [...actions];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved!);
  return next;
}

export function replaceAction(actions: readonly AutomationAction[], index: number, action: AutomationAction): AutomationAction[] {
  return actions.map((a, i) => (i === index ? action : a));
}

/** The move a key asks for on an action: Alt+ArrowUp / Alt+ArrowDown, as in the designers' lists. */
export function moveKey(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): -1 | 1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  return event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : null;
}
