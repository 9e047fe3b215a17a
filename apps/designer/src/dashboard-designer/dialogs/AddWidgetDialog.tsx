import { Dialog } from '@bankforge/app-shell';
import type { ArtifactSummary } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardCatalog } from '../model/catalog.js';

export interface AddWidgetDialogProps {
  catalog: DashboardCatalog;
  /** Reports with a draft only, said so (they cannot be added yet). */
  unpublished: readonly ArtifactSummary[];
  onAdd(report: string): void;
  onClose(): void;
}

/** The published reports by title (found by title or key as the analyst types): choosing one adds it as a widget. */
export function AddWidgetDialog({ catalog, unpublished, onAdd, onClose }: AddWidgetDialogProps) {
  const { t } = useTranslation('dashboardDesigner');
  const id = useId();
  const [text, setText] = useState('');
  const wanted = text.trim().toLowerCase();
  const reports = [...catalog.reports.values()].filter((r) => wanted === '' || r.definition.title.toLowerCase().includes(wanted) || r.definition.key.includes(wanted));
  return (
    <Dialog title={t('addWidget.title')} onClose={onClose} className="dialog-wide">
      <div className="form-row">
        <label htmlFor={`${id}-search`}>{t('addWidget.search')}</label>
        <input id={`${id}-search`} type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      </div>
      {catalog.reports.size === 0 ? (
        <p className="empty-state">{t('addWidget.none')}</p>
      ) : (
        <>
          <p className="help" id={`${id}-help`}>
            {t('addWidget.help')}
          </p>
          {reports.length === 0 && <p role="status">{t('addWidget.noMatch', { text })}</p>}
          <ul className="dashboard-report-picker" aria-describedby={`${id}-help`}>
            {reports.map(({ definition, version }) => (
              <li key={definition.key}>
                <button type="button" aria-describedby={`${id}-${definition.key}`} onClick={() => onAdd(definition.key)}>
                  {definition.title}
                </button>
                <span id={`${id}-${definition.key}`} className="help">
                  {t('addWidget.option', { chart: t(`chartTypes.${definition.chart?.type ?? 'table'}`), key: definition.key, version })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {unpublished.length > 0 && <p className="help">{t('addWidget.unpublished', { count: unpublished.length })}</p>}
      <div className="button-row">
        <button type="button" onClick={onClose}>
          {t('addWidget.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
