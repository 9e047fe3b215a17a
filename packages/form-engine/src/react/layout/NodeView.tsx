import type { EntityDefinition } from '@bankforge/data-model';
import type { FormNode } from '../../form/form-definition.js';
import { pointer } from '@bankforge/data-model';
import { FieldView } from '../field/FieldView.js';
import { useRenderer } from '../renderer/renderer-context.js';
import { ColumnsView } from './ColumnsView.js';
import { RepeatingGroupView } from './RepeatingGroupView.js';
import { SectionView } from './SectionView.js';
import { TabsView } from './TabsView.js';

/** One layout node of the form's own entity, unless its `visibleWhen` hides it. */
export function NodeView({ node, entity }: { node: FormNode; entity: EntityDefinition }) {
  const { state } = useRenderer();
  if (state.nodes[node.id] === false) return null;
  switch (node.type) {
    case 'field':
      return <FieldView node={node} pointer={pointer(node.field)} entity={entity} />;
    case 'section':
      return <SectionView node={node} entity={entity} />;
    case 'columns':
      return <ColumnsView node={node} entity={entity} />;
    case 'tabs':
      return <TabsView node={node} entity={entity} />;
    case 'repeatingGroup':
      return <RepeatingGroupView node={node} />;
  }
}

/** A list of layout nodes in order. */
export function NodeList({ nodes, entity }: { nodes: readonly FormNode[]; entity: EntityDefinition }) {
  return (
    <>
      {nodes.map((node) => (
        <NodeView key={node.id} node={node} entity={entity} />
      ))}
    </>
  );
}
