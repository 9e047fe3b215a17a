import { useTranslation } from 'react-i18next';
import { FilterBuilder } from '../filter/FilterBuilder.js';
import { setFilter } from '../model/report-edits.js';
import { entityName } from '../ui/field-names.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';

/** The report's filter: which rows of the base entity (and its joins) it reads. */
export function FilterSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, fields, catalog, language, update } = useReportEditing();
  return (
    <Section title={t('filter.title')} help={t('filter.help')}>
      <FilterBuilder
        legend={t('filter.legend')}
        emptyText={t('filter.empty', { entity: entityName(catalog, report.source, language) })}
        filter={report.filter}
        onChange={(filter) => update((r) => setFilter(r, filter))}
        path="/filter"
        fields={fields}
        parameters={report.parameters ?? []}
      />
    </Section>
  );
}
