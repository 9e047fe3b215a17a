import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findNode } from '../tree/form-tree.js';
import { dropPlacement } from '../tree/placement.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { nodeFor, placeNode, relocateNode } from '../workspace/form-actions.js';
import { targetName } from '../workspace/target-name.js';
import { innermostTarget } from './collision.js';
import { paletteEntryOf } from './drag-ids.js';

/** Space picks up and drops; Enter stays free to add a palette entry or select a node. */
const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

/** Drag and drop for palette and canvas, by pointer (4px to start, so a click stays a click) and by keyboard. */
export function DesignerDnd({ children }: { children: ReactNode }) {
  const { t } = useTranslation('formDesigner');
  const { form, entity, language, change, select } = useDesigner();
  const [activeId, setActiveId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );
  const name = (id: string | number) => targetName(String(id), form, entity, language, t);

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.pickedUp', { name: name(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('dnd.over', { name: name(active.id), target: name(over.id) }) : t('dnd.notOver', { name: name(active.id) })),
    onDragEnd: ({ active, over }) => (over ? t('dnd.dropped', { name: name(active.id), target: name(over.id) }) : t('dnd.droppedNowhere', { name: name(active.id) })),
    onDragCancel: ({ active }) => t('dnd.cancelled', { name: name(active.id) }),
  };
  const instructions: ScreenReaderInstructions = { draggable: t('dnd.instructions') };
  const collision = useMemo(() => innermostTarget(form.layout), [form.layout]);

  const onDragStart = ({ active }: DragStartEvent) => setActiveId(String(active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    if (!over || over.id === active.id) return;
    const entry = paletteEntryOf(String(active.id));
    const dragged = entry ? entry.kind : findNode(form.layout, String(active.id))?.node.type === 'field' ? 'field' : 'container';
    const at = dropPlacement(form.layout, String(over.id), dragged);
    if (!at) return;
    if (entry) {
      const node = nodeFor(form, entry);
      change((f) => placeNode(f, node, at));
      select(node.id);
    } else {
      change((f) => relocateNode(f, String(active.id), at));
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
      accessibility={{ announcements, screenReaderInstructions: instructions }}
    >
      {children}
      <DragOverlay dropAnimation={null}>{activeId !== null && <div className="fd-drag-chip">{name(activeId)}</div>}</DragOverlay>
    </DndContext>
  );
}
