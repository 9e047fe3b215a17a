import type { RecordFilter } from '@bankforge/data-model';
import type { ReportParameter } from '@bankforge/report-engine';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterFieldChoice, FilterProblem } from '../../filter-builder/builder-context.js';
import { FilterBuilder as SharedFilterBuilder } from '../../filter-builder/FilterBuilder.js';
import type { ReportFieldChoice } from '../model/fields.js';
import { labelText } from '../model/labels.js';
import { controlId } from '../model/problems.js';
import { entityName, fieldName, originName } from '../ui/field-names.js';
import { problemText } from '../ui/problem-text.js';
import { useReportEditing } from '../ui/report-context.js';

export interface FilterBuilderProps {
  /** Names the builder (a group): "Filter", "Only rows where" of a measure. */
  legend: string;
  /** What the builder says when it holds no condition. */
  emptyText: string;
  filter: RecordFilter | undefined;
  onChange(filter: RecordFilter | undefined): void;
  /** Where the filter sits in the report (`/filter`, `/measures/0/filter`): its problems are found there. */
  path: string;
  /** The fields conditions may compare (the report's, or a join's children's). */
  fields: readonly ReportFieldChoice[];
  /** The parameters a condition may compare with (none inside a join's filter of its children). */
  parameters: readonly ReportParameter[];
}

/**
 * The designer's filter builder on a report: the report's fields named and grouped as its other
 * pickers name them, its parameters, the engine's problems in the reader's language, and controls
 * with the ids the problem summary moves focus to.
 */
export function FilterBuilder({ fields, parameters, ...props }: FilterBuilderProps) {
  const { t, i18n } = useTranslation('reportDesigner');
  const { catalog, language, loaded, problems } = useReportEditing();
  const choices = useMemo(
    () =>
      fields.map(
        (choice): FilterFieldChoice => ({
          path: choice.path,
          type: choice.type,
          // A closed select shows the option alone: a join's field says whose it is (Branch · Name).
          label: choice.origin.kind === 'join' ? `${entityName(catalog, choice.origin.entity, language)} · ${fieldName(choice, language, t)}` : fieldName(choice, language, t),
          group: originName(choice.origin, catalog, language, t),
          ...(choice.options ? { options: choice.options } : {}),
          ...(choice.origin.kind === 'calculated' ? { computed: true } : {}),
        }),
      ),
    [fields, catalog, language, t],
  );
  const said = useMemo(
    () => problems.filter((p) => p.path.startsWith(props.path)).map((p): FilterProblem => ({ path: p.path, code: p.code, text: problemText(p, language, t, (key) => i18n.exists(key)) })),
    [problems, props.path, language, t, i18n],
  );
  const named = useMemo(() => parameters.map((p) => ({ key: p.key, label: labelText(p.label, language) })), [parameters, language]);
  return <SharedFilterBuilder {...props} fields={choices} parameters={named} problems={said} language={language} idOf={controlId} fieldsLoaded={loaded} />;
}
