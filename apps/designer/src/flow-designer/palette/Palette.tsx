import type { FlowNodeType } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import type { DesignerLanguage } from '../document/names.js';
import { NODE_TYPE_NAMES, NODE_TYPES } from '../document/node-types.js';
import { PALETTE_DRAG_TYPE } from './palette-drag.js';

export interface PaletteProps {
  language: DesignerLanguage;
  /** Click or Enter: the node goes after the selected one (or onto a free spot). */
  onAdd(type: FlowNodeType): void;
}

/** Every node type: dragged onto the canvas, or added after the selected node by click or Enter. */
export function Palette({ language, onAdd }: PaletteProps) {
  const { t } = useTranslation('flowDesigner');
  return (
    <nav className="flow-palette" aria-labelledby="flow-palette-title">
      <h2 id="flow-palette-title">{t('palette.title')}</h2>
      <p className="help">{t('palette.help')}</p>
      <ul>
        {NODE_TYPES.map((type) => (
          <li key={type}>
            <button
              type="button"
              draggable
              className={`flow-palette__item flow-node--${type}`}
              title={t(`palette.describe.${type}`)}
              onClick={() => onAdd(type)}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_DRAG_TYPE, type);
                event.dataTransfer.effectAllowed = 'copy';
              }}
            >
              {NODE_TYPE_NAMES[type][language]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
