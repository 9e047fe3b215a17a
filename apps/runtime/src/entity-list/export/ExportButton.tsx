import type { ApiProblem, RecordQuery } from '@bankforge/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { saveFile as browserSave, type SaveFile } from './save-file.js';

export interface ExportButtonProps {
  entity: string;
  /** The list's search as it is on screen: its filter, order and columns (every page, not only this one). */
  search: Omit<RecordQuery, 'cursor' | 'limit' | 'count'>;
  /** Told when an export fails (the problem) and when the next one starts (null): the list says it under its header. */
  onProblem(problem: ApiProblem | null): void;
  save?: SaveFile;
}

/** Export: the records the list's search reaches, as a CSV file (masked as the reader sees them; the export is audited). */
export function ExportButton({ entity, search, onProblem, save = browserSave }: ExportButtonProps) {
  const { t } = useTranslation('list');
  const api = useApiClient();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    onProblem(null);
    try {
      save(await api.exportRecords(entity, search), `${entity}.csv`);
    } catch (error) {
      onProblem(asProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
      {busy ? t('exporting') : t('export')}
    </button>
  );
}
