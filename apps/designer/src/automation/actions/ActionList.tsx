import type { AutomationAction, AutomationActionType } from '@bankforge/flow-engine';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { tagFields } from '../model/fields.js';
import { addAction, duplicateAction, moveAction, removeAction, replaceAction } from '../model/actions.js';
import { ControlProblems } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { ActionCard } from './ActionCard.js';
import { AddActionMenu } from './AddActionMenu.js';
import { SortableActions } from './SortableActions.js';

/** "Then, in order": the actions as cards, each with its editor, moved by buttons or Alt+ArrowUp/Down. */
export function ActionList() {
  const { t } = useTranslation('automationDesigner');
  const { document, entity, update, announce } = useAutomationEditing();
  const actions = document.actions;
  const cards = useRef(new Map<string, HTMLElement>());
  // The element that had the focus before a move: reordering the cards may drop it, and it gets it back.
  const refocus = useRef<{ element: HTMLElement | null; card: string | null }>({ element: null, card: null });

  useLayoutEffect(() => {
    const { element, card } = refocus.current;
    if (card === null) return;
    refocus.current = { element: null, card: null };
    if (element && element.isConnected && window.document.activeElement !== element) element.focus();
    else if (!element?.isConnected) cards.current.get(card)?.focus();
  }, [actions]);

  const nameOf = (action: AutomationAction, index: number) => t('actions.name', { number: index + 1, type: t(`actions.types.${action.type}`) });
  const setActions = (next: AutomationAction[], label?: string) => update((d) => ({ ...d, actions: next }), label);

  const moveTo = (index: number, to: number) => {
    if (to < 0 || to >= actions.length || to === index) return;
    const active = window.document.activeElement;
    refocus.current = { element: active instanceof HTMLElement ? active : null, card: actions[index]!.id };
    setActions(moveAction(actions, index, to));
    announce(t('actions.moved', { position: to + 1 }));
  };
  const move = (index: number, by: number) => moveTo(index, index + by);
  const nameOfId = (actionId: string) => {
    const index = actions.findIndex((a) => a.id === actionId);
    return index < 0 ? actionId : nameOf(actions[index]!, index);
  };
  const add = (type: AutomationActionType) => {
    const next = addAction(actions, type);
    // A tags action starts on the entity's first tag field: most entities have one, and the options show at once.
    const tags = tagFields(entity)[0];
    const last = next.at(-1)!;
    if (last.type === 'setTags' && tags) next[next.length - 1] = { ...last, field: tags.key };
    setActions(next);
    const added = next.at(-1)!;
    refocus.current = { element: null, card: added.id };
    announce(t('actions.added', { name: nameOf(added, next.length - 1) }));
  };
  const remove = (index: number) => {
    const next = removeAction(actions, index);
    setActions(next);
    announce(t('actions.removed', { name: nameOf(actions[index]!, index) }));
    // The focus goes to the card that took its place (or the one before it).
    const neighbour = next[Math.min(index, next.length - 1)];
    refocus.current = { element: null, card: neighbour?.id ?? null };
  };
  const duplicate = (index: number) => {
    const next = duplicateAction(actions, index);
    setActions(next);
    refocus.current = { element: null, card: next[index + 1]!.id };
    announce(t('actions.duplicated', { name: nameOf(next[index + 1]!, index + 1) }));
  };

  return (
    <section className="automation-section" aria-labelledby="automation-actions-heading">
      <h2 id="automation-actions-heading">{t('actions.legend')}</h2>
      <p className="help">{t('actions.keyboardHelp')}</p>
      <ControlProblems id="automation-actions-problems" control="actions" />
      {actions.length === 0 ? (
        <p className="empty-state">{t('actions.empty')}</p>
      ) : (
        <SortableActions actions={actions} nameOf={(actionId) => nameOfId(actionId)} onMove={(from, to) => moveTo(from, to)}>
        <ol className="automation-actions">
          {actions.map((action, index) => (
            <ActionCard
              key={action.id}
              ref={(el) => {
                if (el) cards.current.set(action.id, el);
                else cards.current.delete(action.id);
              }}
              action={action}
              index={index}
              count={actions.length}
              name={nameOf(action, index)}
              onChange={(next, label) => update((d) => ({ ...d, actions: replaceAction(d.actions, index, next) }), label)}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(index)}
              onDuplicate={() => duplicate(index)}
            />
          ))}
        </ol>
        </SortableActions>
      )}
      <AddActionMenu onAdd={add} />
    </section>
  );
}
