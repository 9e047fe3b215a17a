import type { FormNode } from '@bankforge/form-engine';
import { useSortable } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../workspace/DesignerContext.js';
import { localized } from '../workspace/localized.js';
import { nodeLabel } from '../workspace/node-label.js';
import { useDeleteNode } from '../workspace/useDeleteNode.js';
import { ContainerBody } from './ContainerBody.js';
import { SelectableHeader } from './SelectableHeader.js';

const KIND_KEYS = { field: 'canvas.kind.field', section: 'palette.section', columns: 'canvas.kind.columns', tabs: 'palette.tabs', repeatingGroup: 'palette.repeatingGroup' } as const;

/** One layout node on the canvas: a sortable item with a selectable header, and its containers. */
export function CanvasNode({ node }: { node: FormNode }) {
  const { t } = useTranslation('formDesigner');
  const { entity, entities, language } = useDesigner();
  const deleteNode = useDeleteNode();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: node.id });
  const label = nodeLabel(node, entity, language, t);
  const rules = [node.visibleWhen && t('canvas.rule.visible'), node.type === 'field' && node.requiredWhen && t('canvas.rule.required'), node.type === 'field' && node.value && t('canvas.rule.computed')].filter(Boolean);

  return (
    <div
      ref={setNodeRef}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }}
      className={`fd-node fd-node--${node.type}${isDragging ? ' fd-node--dragging' : ''}`}
    >
      <SelectableHeader
        target={node.id}
        label={label}
        kind={[t(KIND_KEYS[node.type]), ...rules].join(' · ')}
        headerRef={setActivatorNodeRef}
        onDelete={() => deleteNode(node.id)}
        {...attributes}
        {...listeners}
      />
      {node.type === 'section' && <ContainerBody container={node.id} nodes={node.children} />}
      {node.type === 'columns' && (
        <div className="fd-columns" style={{ gridTemplateColumns: `repeat(${node.columns.length}, minmax(0, 1fr))` }}>
          {node.columns.map((column, i) => (
            <ContainerBody
              key={column.id}
              container={column.id}
              nodes={column.children}
              className="fd-column"
              header={<SelectableHeader target={column.id} label={t('canvas.column', { number: i + 1 })} className="fd-header--minor" />}
            />
          ))}
        </div>
      )}
      {node.type === 'tabs' &&
        node.tabs.map((tab) => (
          <ContainerBody
            key={tab.id}
            container={tab.id}
            nodes={tab.children}
            className="fd-tab"
            header={<SelectableHeader target={tab.id} label={localized(tab.title, language) || t('palette.tabs')} className="fd-header--minor" />}
          />
        ))}
      {node.type === 'repeatingGroup' &&
        (node.fields.length > 0 ? (
          <div className="fd-group__fields">
            {node.fields.map((cell) => (
              <SelectableHeader
                key={cell.id}
                target={cell.id}
                label={nodeLabel(cell, entities[node.entity] ?? null, language, t)}
                kind={[t('canvas.kind.column'), cell.visibleWhen && t('canvas.rule.visible'), cell.requiredWhen && t('canvas.rule.required'), cell.value && t('canvas.rule.computed')].filter(Boolean).join(' · ')}
                className="fd-header--minor"
                onDelete={() => deleteNode(cell.id)}
              />
            ))}
          </div>
        ) : (
          <p className="fd-group__fields">{t('canvas.groupNoFields')}</p>
        ))}
    </div>
  );
}
