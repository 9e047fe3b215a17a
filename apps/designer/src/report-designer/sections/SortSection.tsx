import { useTranslation } from 'react-i18next';
import { addSort, moveSort, removeSort, setLimit, updateSort } from '../model/report-edits.js';
import { Field, RowActions } from '../ui/controls.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';
import { useColumns } from './columns.js';

/** Sort and limit: the order of the rows (by any dimension or measure) and how many are kept. */
export function SortSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, update } = useReportEditing();
  const columns = useColumns();
  const sort = report.sort ?? [];
  const unused = columns.filter((c) => !sort.some((s) => s.by === c.key));
  return (
    <Section title={t('sort.title')} help={t('sort.help')}>
      {sort.length > 0 && (
        <ol className="report-rows report-rows-compact">
          {sort.map((s, i) => {
            const number = i + 1;
            const name = t('sort.key', { number });
            const path = `/sort/${i}`;
            return (
              <li key={i} className="report-subrow" role="group" aria-label={name}>
                <Field label={t('sort.by', { number })} path={`${path}/by`}>
                  {(control) => (
                    <select {...control} value={s.by} onChange={(e) => update((r) => updateSort(r, i, { ...s, by: e.target.value }))}>
                      {!columns.some((c) => c.key === s.by) && <option value={s.by}>{t('fields.unknown', { path: s.by })}</option>}
                      {columns.map((c) => (
                        <option key={c.key} value={c.key}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('sort.direction', { number })} path={`${path}/direction`}>
                  {(control) => (
                    <select {...control} value={s.direction ?? 'asc'} onChange={(e) => update((r) => updateSort(r, i, { by: s.by, ...(e.target.value === 'desc' ? { direction: 'desc' as const } : {}) }))}>
                      <option value="asc">{t('sort.asc')}</option>
                      <option value="desc">{t('sort.desc')}</option>
                    </select>
                  )}
                </Field>
                <RowActions name={name} index={i} count={sort.length} onMove={(to) => update((r) => moveSort(r, i, to))} onRemove={() => update((r) => removeSort(r, i))} />
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" disabled={unused.length === 0} onClick={() => unused[0] && update((r) => addSort(r, { by: unused[0]!.key, direction: 'desc' }))}>
        {t('sort.add')}
      </button>
      <Field label={t('sort.limit')} path="/limit" help={t('sort.limitHelp')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={1000000}
            value={report.limit ?? ''}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              update((r) => setLimit(r, e.target.value === '' || !Number.isFinite(n) || n < 1 ? undefined : n), 'limit');
            }}
          />
        )}
      </Field>
    </Section>
  );
}
