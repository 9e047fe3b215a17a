import type { CSSProperties } from 'react';
import type { EntityDefinition } from '@bankforge/data-model';
import type { FormColumns } from '../../form/form-definition.js';
import { NodeList } from './NodeView.js';

/**
 * Side by side while each column gets at least 16rem, stacked on narrow screens: the grid
 * drops columns by itself (auto-fit), so no media query or stylesheet is needed.
 */
const COLUMNS_GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(16rem, 100%), 1fr))',
  columnGap: '1.5rem',
  alignItems: 'start',
};

/** Columns in reading order: the first column's fields come first for keyboard and screen reader. */
export function ColumnsView({ node, entity }: { node: FormColumns; entity: EntityDefinition }) {
  return (
    <div className="bf-columns" data-node={node.id} style={COLUMNS_GRID}>
      {node.columns.map((column) => (
        <div key={column.id} className="bf-column">
          <NodeList nodes={column.children} entity={entity} />
        </div>
      ))}
    </div>
  );
}
