import type { DecisionTable } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';
import type { Cursor } from './cursor.js';
import { RULE_SHORTCUTS, type RuleCommand } from './keymap.js';
import { canApplyRuleCommand } from './rule-commands.js';

const COMMANDS: readonly RuleCommand[] = ['insertAbove', 'insertBelow', 'duplicate', 'delete', 'moveUp', 'moveDown'];

/** The rule commands for the mouse, acting on the cursor's rule; each names its keyboard shortcut. */
export function RuleToolbar({ table, cursor, onCommand }: { table: DecisionTable; cursor: Cursor; onCommand(command: RuleCommand): void }) {
  const { t } = useTranslation('decisionDesigner');
  return (
    <div role="toolbar" aria-label={t('rules.toolbar')} className="toolbar dg-toolbar">
      {COMMANDS.map((command) => (
        <button
          key={command}
          type="button"
          className={command === 'delete' ? 'danger' : undefined}
          aria-keyshortcuts={RULE_SHORTCUTS[command]}
          title={RULE_SHORTCUTS[command].replaceAll('Control', 'Ctrl')}
          disabled={!canApplyRuleCommand(table, cursor, command)}
          onClick={() => onCommand(command)}
        >
          {t(`rules.${command}`)}
        </button>
      ))}
    </div>
  );
}
