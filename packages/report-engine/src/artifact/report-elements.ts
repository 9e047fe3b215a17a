/** A report's joins, calculated fields, columns and parameters as versions are compared: by key, named by label. */
import { pointer } from '@bankforge/data-model';
import type { ArtifactElement } from '@bankforge/rule-engine';
import { labelIn } from '../result/column-labels.js';
import type { ReportDefinition, ReportLabel } from './report-definition.js';

type Keyed = { key: string; label?: ReportLabel };

function keyed(type: string, list: readonly Keyed[] | undefined, property: string): ArtifactElement[] {
  return (list ?? []).map((item, index) => {
    const named = item.label === undefined ? undefined : { en: labelIn(item.label, 'en'), 'zh-CN': labelIn(item.label, 'zh-CN') };
    return { type, id: item.key, path: pointer(property, index), label: { en: named?.en || item.key, 'zh-CN': named?.['zh-CN'] || undefined } };
  });
}

/** The report's columns are its dimensions and measures; a join is known by the alias its field paths use. */
export function reportElements(report: ReportDefinition): ArtifactElement[] {
  return [
    ...(report.joins ?? []).map((join, index): ArtifactElement => ({ type: 'join', id: join.alias, path: pointer('joins', index), label: { en: join.alias } })),
    ...keyed('calculatedField', report.calculated, 'calculated'),
    ...keyed('parameter', report.parameters, 'parameters'),
    ...keyed('dimension', report.dimensions, 'dimensions'),
    ...keyed('measure', report.measures, 'measures'),
  ];
}
