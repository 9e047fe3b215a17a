import type { RecordTransfer } from '@bankforge/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TransferDialog } from './TransferDialog.js';

export interface TransferActionProps {
  entity: string;
  ids: readonly string[];
  /** The ids are rows chosen in a list (the button counts them), not the record the page shows. */
  selection?: boolean;
  /** After the transfer: the page reloads what changed hands. */
  onTransferred(answer: RecordTransfer): void;
}

/** "Transfer owner…": offered only where the page model says the reader may transfer; says what was done. */
export function TransferAction({ entity, ids, selection = false, onTransferred }: TransferActionProps) {
  const { t } = useTranslation('transfer');
  // The records as chosen when the dialog opened: a list that reloads behind it (and clears its selection) does not empty it.
  const [chosen, setChosen] = useState<readonly string[] | null>(null);
  const [done, setDone] = useState<RecordTransfer | null>(null);
  return (
    <div className="transfer-action">
      <button type="button" onClick={() => setChosen([...ids])} disabled={ids.length === 0}>
        {!selection ? t('open') : ids.length === 0 ? t('openNone') : t('openMany', { count: ids.length })}
      </button>
      <p role="status" className="transfer-status">
        {done && t('done', { count: done.transferred.length, name: done.to.displayName })}
        {done && done.unchanged.length > 0 && ` ${t('unchanged', { count: done.unchanged.length, name: done.to.displayName })}`}
      </p>
      {chosen && (
        <TransferDialog
          entity={entity}
          ids={chosen}
          onCancel={() => setChosen(null)}
          onDone={(answer) => {
            setChosen(null);
            setDone(answer);
            onTransferred(answer);
          }}
        />
      )}
    </div>
  );
}
