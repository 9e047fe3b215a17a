import { labelText } from '../model/labels.js';
import { useReportEditing } from '../ui/report-context.js';

/** A dimension or measure as the sort, chart, pivot and drill-down pick it: by key, named by its label. */
export interface ColumnChoice {
  key: string;
  name: string;
  role: 'dimension' | 'measure';
}

export function useColumns(): ColumnChoice[] {
  const { report, language } = useReportEditing();
  return [
    ...(report.dimensions ?? []).map((d): ColumnChoice => ({ key: d.key, name: labelText(d.label, language) || d.key, role: 'dimension' })),
    ...(report.measures ?? []).map((m): ColumnChoice => ({ key: m.key, name: labelText(m.label, language) || m.key, role: 'measure' })),
  ];
}
