import type { FlowNodeType } from '@bankforge/flow-engine';
import { Dialog } from '@bankforge/app-shell';
import { useTranslation } from 'react-i18next';
import type { DesignerLanguage } from '../document/names.js';
import { NODE_TYPE_NAMES, NODE_TYPES } from '../document/node-types.js';

export interface AddNodeDialogProps {
  /** The name of the node the new one goes after. */
  afterName: string;
  language: DesignerLanguage;
  onAdd(type: FlowNodeType): void;
  onClose(): void;
}

/** "Add after …": one button per node type; the first takes the focus, Tab or arrows reach the others. */
export function AddNodeDialog({ afterName, language, onAdd, onClose }: AddNodeDialogProps) {
  const { t } = useTranslation('flowDesigner');
  return (
    <Dialog title={t('addDialog.title', { name: afterName })} onClose={onClose}>
      <ul className="flow-type-choice" aria-label={t('addDialog.types')}
        onKeyDown={(event) => {
          // Up and down walk the list as in a menu.
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          const buttons = [...event.currentTarget.querySelectorAll('button')];
          const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
          const next = buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
          event.preventDefault();
          next?.focus();
        }}
      >
        {NODE_TYPES.filter((type) => type !== 'start').map((type) => (
          <li key={type}>
            <button type="button" onClick={() => onAdd(type)} title={t(`palette.describe.${type}`)}>
              {NODE_TYPE_NAMES[type][language]}
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" onClick={onClose}>{t('cancel')}</button>
      </div>
    </Dialog>
  );
}
