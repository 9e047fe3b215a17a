import type { ProblemFieldError } from '@bankforge/client';
import type { DashboardWidget, DrillTarget } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { SelectControl } from '../../data-model/controls/Controls.js';
import { localized, type DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { problemsUnder } from '../../shell/api/problems.js';
import { fieldLabel } from '../catalog/field-label.js';
import type { DashboardCatalog } from '../model/catalog.js';
import { drillTo, entityFields, type DrillKind } from '../model/drill.js';

export interface DrillFieldProps {
  widget: DashboardWidget;
  catalog: DashboardCatalog;
  language: DesignerLanguage;
  /** The widget's drill's JSON Pointer (`/widgets/0/drill`). */
  path: string;
  problems: readonly ProblemFieldError[];
  onChange(drill: DrillTarget | undefined): void;
}

const KINDS: readonly DrillKind[] = ['report', 'list', 'record'];

/** What a click opens once the report's own drill-down levels are used up: another report, a record list, a record. */
export function DrillField({ widget, catalog, language, path, problems, onChange }: DrillFieldProps) {
  const { t } = useTranslation('dashboardDesigner');
  const drill = widget.drill;
  const of = (part: string) => problemsUnder(problems, `${path}${part}`);
  const entities = [...catalog.entities.values()].map((e) => ({ value: e.key, label: `${localized(e.label, language)} (${e.key})` }));
  const fieldChoices = (fields: ReturnType<typeof entityFields>) => fields.map((f) => ({ value: f.path, label: fieldLabel(f, catalog, language, t) }));
  // A target the catalog lacks (unpublished since) stays listed, so the select shows what the draft says.
  const keep = (choices: { value: string; label: string }[], value: string) => (choices.some((c) => c.value === value) ? choices : [{ value, label: value }, ...choices]);
  return (
    <fieldset>
      <legend>{t('widget.drill.legend')}</legend>
      <SelectControl
        label={t('widget.drill.kind')}
        value={drill?.kind ?? ''}
        choices={[{ value: '', label: t('widget.drill.none') }, ...KINDS.map((kind) => ({ value: kind, label: t(`widget.drill.${kind}`) }))]}
        problems={of('/kind')}
        onChange={(kind) => onChange(kind === '' ? undefined : drillTo(widget, catalog, kind as DrillKind))}
      />
      {drill?.kind === 'report' && (
        <>
          <SelectControl
            label={t('widget.drill.targetReport')}
            value={drill.report}
            choices={keep([...catalog.reports.values()].map((r) => ({ value: r.definition.key, label: `${r.definition.title} (${r.definition.key})` })), drill.report)}
            problems={of('/report')}
            onChange={(report) => onChange(drillTo(widget, catalog, 'report', report))}
          />
          <SelectControl
            label={t('widget.drill.field')}
            value={drill.field}
            choices={keep(fieldChoices([...(catalog.reports.get(drill.report)?.fields ?? [])]), drill.field)}
            problems={of('/field')}
            onChange={(field) => onChange({ ...drill, field })}
          />
        </>
      )}
      {drill?.kind === 'list' && (
        <>
          <SelectControl label={t('widget.drill.entity')} value={drill.entity} choices={keep(entities, drill.entity)} problems={of('/entity')} onChange={(entity) => onChange(drillTo(widget, catalog, 'list', entity))} />
          <SelectControl label={t('widget.drill.field')} value={drill.field} choices={keep(fieldChoices(entityFields(drill.entity, catalog)), drill.field)} problems={of('/field')} onChange={(field) => onChange({ ...drill, field })} />
        </>
      )}
      {drill?.kind === 'record' && (
        <SelectControl label={t('widget.drill.recordField')} value={drill.entity} choices={keep(entities, drill.entity)} problems={of('/entity')} onChange={(entity) => onChange({ kind: 'record', entity })} />
      )}
    </fieldset>
  );
}
