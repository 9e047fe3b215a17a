import { clickedField, matchingField, reportFields, type DashboardWidget, type DrillTarget, type ReportField } from '@bankforge/report-engine';
import type { DashboardCatalog } from './catalog.js';

export type DrillKind = DrillTarget['kind'];

/** The field behind the widget's category axis (what a click on its chart gives), when it is a stored field. */
function clicked(widget: DashboardWidget, catalog: DashboardCatalog): ReportField | undefined {
  const report = catalog.reports.get(widget.report)?.definition;
  if (!report) return undefined;
  const x = widget.chart?.x ?? report.chart?.x ?? report.dimensions?.[0]?.key;
  return x === undefined ? undefined : clickedField(report, catalog.entities, x);
}

/** The fields a record list of the entity can be filtered by. */
export function entityFields(entity: string, catalog: DashboardCatalog): ReportField[] {
  return reportFields({ source: entity }, catalog.entities);
}

/**
 * A drill target of the kind (to `target`, a report or entity key, when given), aimed at what a
 * click on the widget gives: the other report's field of the same meaning, the list of the clicked
 * field's entity filtered by it, the page of the record the clicked value refers to. Undefined when
 * the catalog has nothing of the kind.
 */
export function drillTo(widget: DashboardWidget, catalog: DashboardCatalog, kind: DrillKind, target?: string): DrillTarget | undefined {
  const source = catalog.reports.get(widget.report)?.definition.source;
  const click = clicked(widget, catalog);
  switch (kind) {
    case 'report': {
      const reports = [...catalog.reports.values()];
      const report = (target === undefined ? reports.find((r) => r.definition.key !== widget.report) : catalog.reports.get(target)) ?? reports[0];
      const field = (click && matchingField(report?.fields ?? [], click)) ?? report?.fields[0];
      return report && field ? { kind, report: report.definition.key, field: field.path } : undefined;
    }
    case 'list': {
      const entity = target ?? click?.entity ?? source ?? [...catalog.entities.keys()][0];
      if (entity === undefined) return undefined;
      const fields = entityFields(entity, catalog);
      const field = (click && fields.find((f) => f.meaning === click.meaning)) ?? fields[0];
      return field ? { kind, entity, field: field.path } : undefined;
    }
    case 'record': {
      const referred = click?.meaning.startsWith('ref:') ? click.meaning.slice('ref:'.length) : undefined;
      const entity = target ?? referred ?? source ?? [...catalog.entities.keys()][0];
      return entity === undefined ? undefined : { kind, entity };
    }
  }
}
