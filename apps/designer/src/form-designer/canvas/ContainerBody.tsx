import type { FormNode } from '@bankforge/form-engine';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTAINER_DROP_PREFIX } from '../tree/placement.js';
import { CanvasNode } from './CanvasNode.js';

interface ContainerBodyProps {
  container: string;
  nodes: readonly FormNode[];
  /** A column's or tab's header: part of the drop area, so a drop on "Column 1" lands in it. */
  header?: ReactNode;
  className?: string;
}

/** The nodes of one container, sortable among themselves; its empty space (and header) takes drops too. */
export function ContainerBody({ container, nodes, header, className }: ContainerBodyProps) {
  const { t } = useTranslation('formDesigner');
  const { setNodeRef, isOver } = useDroppable({ id: `${CONTAINER_DROP_PREFIX}${container}` });
  const over = isOver ? ' fd-container--over' : '';
  const body = (
    <div ref={header ? undefined : setNodeRef} className={`fd-container${header ? '' : over}`}>
      <SortableContext items={nodes.map((n) => n.id)} strategy={verticalListSortingStrategy}>
        {nodes.map((node) => (
          <CanvasNode key={node.id} node={node} />
        ))}
      </SortableContext>
      {nodes.length === 0 && <p className="fd-container__empty">{t('canvas.dropHere')}</p>}
    </div>
  );
  if (!header) return body;
  return (
    <div ref={setNodeRef} className={`${className ?? ''}${over}`}>
      {header}
      {body}
    </div>
  );
}
