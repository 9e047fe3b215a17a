import type { FormNode } from '@bankforge/form-engine';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { CONTAINER_DROP_PREFIX } from '../tree/placement.js';
import { CanvasNode } from './CanvasNode.js';

/** The nodes of one container, sortable among themselves; its empty space takes drops too. */
export function ContainerBody({ container, nodes }: { container: string; nodes: readonly FormNode[] }) {
  const { t } = useTranslation('formDesigner');
  const { setNodeRef, isOver } = useDroppable({ id: `${CONTAINER_DROP_PREFIX}${container}` });
  return (
    <div ref={setNodeRef} className={`fd-container${isOver ? ' fd-container--over' : ''}`}>
      <SortableContext items={nodes.map((n) => n.id)} strategy={verticalListSortingStrategy}>
        {nodes.map((node) => (
          <CanvasNode key={node.id} node={node} />
        ))}
      </SortableContext>
      {nodes.length === 0 && <p className="fd-container__empty">{t('canvas.dropHere')}</p>}
    </div>
  );
}
