import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { AutomationAction } from '@bankforge/flow-engine';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SortableActionsProps {
  actions: readonly AutomationAction[];
  /** "2. Wait": how announcements name an action. */
  nameOf(id: string): string;
  onMove(from: number, to: number): void;
  children: ReactNode;
}

/**
 * Drag to reorder the action cards by their handles: the mouse, or the keyboard on a handle (Space
 * lifts, arrows move, Space drops, Escape cancels), said in the reader's language.
 */
export function SortableActions({ actions, nameOf, onMove, children }: SortableActionsProps) {
  const { t } = useTranslation('automationDesigner');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = actions.map((a) => a.id);
  const position = (id: string | number | undefined) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('actions.drag.picked', { name: nameOf(String(active.id)) }),
    onDragOver: ({ active, over }) => (over ? t('actions.drag.over', { name: nameOf(String(active.id)), position: position(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('actions.drag.dropped', { name: nameOf(String(active.id)), position: position(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('actions.drag.cancelled', { name: nameOf(String(active.id)) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('actions.drag.instructions') } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}
