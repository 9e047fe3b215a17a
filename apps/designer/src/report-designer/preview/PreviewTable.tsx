import type { ReportRunResult } from '@bankforge/client';
import type { ReportRow } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { localized } from '../../form-designer/workspace/localized.js';
import { useReportEditing } from '../ui/report-context.js';

/** A cell as a person reads it: an option's or a record's label the server gave, numbers grouped in the analyst's language. */
function cellText(value: ReportRow[string] | undefined, labels: Record<string, { en: string; 'zh-CN': string }> | undefined, language: 'en' | 'zh-CN', empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const label = labels?.[String(value)];
  if (label) return localized(label, language);
  if (typeof value === 'number') return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface PreviewTableProps {
  result: ReportRunResult;
  /** Offered on each row while a deeper drill-down level exists: the row's values of the level's dimensions. */
  onDrill?(row: ReportRow, name: string): void;
}

/** The preview's rows as a table (columns as the server named them), with a way down each row when the report drills. */
export function PreviewTable({ result, onDrill }: PreviewTableProps) {
  const { t } = useTranslation('reportDesigner');
  const { language } = useReportEditing();
  const firstDimension = result.columns.find((c) => c.role === 'dimension');
  const text = (row: ReportRow, key: string) => cellText(row[key], result.presentation?.[key]?.labels, language, t('preview.empty'));
  return (
    <div className="report-preview-scroller">
      <table className="data-table report-preview-table">
        <caption className="visually-hidden">{result.report.title}</caption>
        <thead>
          <tr>
            {result.columns.map((c) => (
              <th key={c.key} scope="col" className={c.role === 'measure' ? 'numeric' : undefined}>
                {c.label}
              </th>
            ))}
            {onDrill && <th scope="col">{t('preview.drillColumn')}</th>}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i}>
              {result.columns.map((c) => (
                <td key={c.key} className={c.role === 'measure' ? 'numeric' : undefined}>
                  {text(row, c.key)}
                </td>
              ))}
              {onDrill && (
                <td>
                  <button type="button" onClick={() => onDrill(row, firstDimension ? text(row, firstDimension.key) : String(i + 1))}>
                    {t('preview.drillInto', { value: firstDimension ? text(row, firstDimension.key) : i + 1 })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
