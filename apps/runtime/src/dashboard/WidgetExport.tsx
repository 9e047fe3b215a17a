import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, WidgetRunRequest } from '@bankforge/client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile as browserSave, type SaveFile } from '../entity-list/export/save-file.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { Disclosure } from './Disclosure.js';
import { downloadExport, type Received } from './widget-export.js';

type Format = 'csv' | 'xlsx';
type ExportState =
  | { status: 'idle' }
  | { status: 'receiving'; received: Received }
  | { status: 'saved'; name: string }
  | { status: 'failed'; problem: ApiProblem };

export interface WidgetExportProps {
  dashboard: string;
  widget: string;
  /** The widget's title, naming the menu and the file. */
  title: string;
  /** What the widget shows: its filters, the clicks on other widgets and its drill-down. */
  request: WidgetRunRequest;
  save?: SaveFile;
}

/** A size in the reader's language (`1.2 MB`, `850 kB`). */
function size(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1000, 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * Export of a widget's rows as CSV or XLSX, as the widget shows them and masked as the reader sees
 * them (the server applies both and audits the export): downloaded here so its progress and a
 * refusal can be shown, then saved as a file.
 */
export function WidgetExport({ dashboard, widget, title, request, save = browserSave }: WidgetExportProps) {
  const { t, i18n } = useTranslation('dashboard');
  const api = useApiClient();
  const language = languageOf(i18n.language);
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = async (format: Format) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: 'receiving', received: { received: 0 } });
    try {
      const { file, name } = await downloadExport(api.widgetExportUrl(dashboard, widget, format, request), {
        language,
        fallbackName: `${title}.${format}`,
        onProgress: (received) => setState({ status: 'receiving', received }),
        signal: controller.signal,
      });
      save(file, name);
      setState({ status: 'saved', name });
    } catch (error) {
      if (controller.signal.aborted) setState({ status: 'idle' });
      else setState({ status: 'failed', problem: asProblem(error) });
    }
  };

  const receiving = state.status === 'receiving' ? state.received : undefined;
  const progress =
    receiving &&
    (receiving.total
      ? t('export.receivingOf', { received: size(receiving.received, language), total: size(receiving.total, language) })
      : t('export.receiving', { received: size(receiving.received, language) }));
  return (
    <div className="widget-export">
      <Disclosure label={t('export.label')} name={t('export.menu', { title })} className="export-menu">
        {(close) =>
          (['csv', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              disabled={receiving !== undefined}
              onClick={() => {
                close();
                void run(format);
              }}
            >
              {t(`export.${format}`)}
            </button>
          ))
        }
      </Disclosure>
      {receiving && (
        <span role="status" className="export-progress">
          <progress aria-label={progress} {...(receiving.total ? { value: receiving.received, max: receiving.total } : {})} />
          <span>{progress}</span>
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('export.cancel')}
          </button>
        </span>
      )}
      {state.status === 'saved' && (
        <span role="status" className="export-saved">
          {t('export.saved', { name: state.name })}
        </span>
      )}
      {state.status === 'failed' && <ProblemNotice message={t('export.failed')} problem={state.problem} />}
    </div>
  );
}
