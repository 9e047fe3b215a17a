import type { DecisionTable } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';
import type { Cursor } from '../grid/cursor.js';
import { canApplyColumnCommand, type ColumnCommand } from './column-commands.js';

const COMMANDS: readonly ColumnCommand[] = ['addInput', 'addOutput', 'addAnnotation', 'moveLeft', 'moveRight', 'delete'];

interface ColumnToolbarProps {
  table: DecisionTable;
  cursor: Cursor;
  onCommand(command: ColumnCommand): void;
  onProperties(): void;
}

/** Column commands at the cursor's column, and its properties. */
export function ColumnToolbar({ table, cursor, onCommand, onProperties }: ColumnToolbarProps) {
  const { t } = useTranslation('decisionDesigner');
  return (
    <div role="toolbar" aria-label={t('columns.toolbar')} className="toolbar dg-toolbar">
      {COMMANDS.slice(0, 3).map((command) => (
        <button key={command} type="button" onClick={() => onCommand(command)}>
          {t(`columns.${command}`)}
        </button>
      ))}
      <button type="button" onClick={onProperties}>
        {t('columns.properties')}
      </button>
      {COMMANDS.slice(3).map((command) => (
        <button key={command} type="button" className={command === 'delete' ? 'danger' : undefined} disabled={!canApplyColumnCommand(table, cursor, command)} onClick={() => onCommand(command)}>
          {t(`columns.${command}`)}
        </button>
      ))}
    </div>
  );
}
