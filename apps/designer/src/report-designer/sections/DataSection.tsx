import type { ChildAggregate, OneToManyJoin, ReportJoin } from '@bankforge/report-engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../form-designer/workspace/localized.js';
import { FilterBuilder } from '../filter/FilterBuilder.js';
import { childAggregateType, childFieldChoices, joinedEntities } from '../model/fields.js';
import { joinAliases } from '../model/keys.js';
import { withoutUndefined } from '../model/lists.js';
import { relationChoices, relationId, type RelationChoice } from '../model/relations.js';
import { addAggregate, addJoin, changeSource, removeAggregate, removeJoin, renameJoin, setJoinFilter, updateAggregate } from '../model/report-edits.js';
import { Field, KeyInput, ProblemsAt, RowActions } from '../ui/controls.js';
import { entityName } from '../ui/field-names.js';
import { useBothLanguages } from '../ui/both-languages.js';
import { FieldSelect } from '../ui/FieldSelect.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';

const CHILD_AGGREGATES: readonly ChildAggregate[] = ['count', 'sum', 'avg', 'min', 'max'];

/** The base entity and the joins: the rows the report reads and the related records it reaches. */
export function DataSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, catalog, loaded, language, update, announce } = useReportEditing();
  const inBoth = useBothLanguages();
  const entities = [...catalog.values()].sort((a, b) => localized(a.label, language).localeCompare(localized(b.label, language)));
  const relations = relationChoices(report, catalog);
  const [picked, setPicked] = useState('');
  const relation = relations.find((r) => relationId(r) === picked) ?? relations[0];
  const joins = report.joins ?? [];
  const joined = joinedEntities(report, catalog);
  const relationText = (r: RelationChoice) => {
    // From a join: its entity, and its alias when the report joins that entity more than once.
    const via = r.from === undefined ? undefined : joined.get(r.from);
    const from = r.from === undefined ? entityName(catalog, report.source, language) : via ? `${localized(via.label, language)} (${r.from})` : r.from;
    return r.kind === 'manyToOne'
      ? t('joins.manyToOne', { from, field: localized(r.label, language), entity: entityName(catalog, r.entity, language) })
      : t('joins.oneToMany', { from, field: localized(r.label, language), entity: entityName(catalog, r.entity, language) });
  };
  return (
    <Section title={t('data.title')} help={t('data.help')}>
      <div className="report-row-fields">
        <Field label={t('data.reportTitle')} path="/title">
          {(control) => (
            <>
              <input {...control} {...(report.title.trim() === '' ? { 'aria-invalid': true as const } : {})} value={report.title} onChange={(e) => update((r) => ({ ...r, title: e.target.value }), 'title')} />
              {report.title.trim() === '' && <p className="field-error">{t('data.titleRequired')}</p>}
            </>
          )}
        </Field>
        <Field label={t('data.description')} path="/description">
          {(control) => <input {...control} value={report.description ?? ''} onChange={(e) => update((r) => withoutUndefined({ ...r, description: e.target.value === '' ? undefined : e.target.value }), 'description')} />}
        </Field>
      </div>
      <Field label={t('data.source')} path="/source" help={t('data.sourceHelp')}>
        {(control) => (
          <select {...control} value={report.source} onChange={(e) => update((r) => changeSource(r, e.target.value, inBoth((say) => say('measures.defaultLabel.count'))))}>
            {!catalog.has(report.source) && <option value={report.source}>{report.source === '' ? t('data.chooseSource') : loaded ? t('fields.unknown', { path: report.source }) : report.source}</option>}
            {entities.map((e) => (
              <option key={e.key} value={e.key}>
                {t('data.entityOption', { name: localized(e.label, language) || e.title, key: e.key })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <h3>{t('joins.title')}</h3>
      <p className="help">{t('joins.help')}</p>
      {joins.length > 0 && (
        <ol className="report-rows">
          {joins.map((join, i) => (
            <li key={`${i}-${join.alias}`} className="report-row">
              <JoinRow join={join} index={i} />
            </li>
          ))}
        </ol>
      )}
      {!loaded ? null : relations.length === 0 ? (
        <p className="help">{t('joins.none')}</p>
      ) : (
        <div className="inline-form">
          <span className="field-inline">
            <label htmlFor="report-add-join">{t('joins.relation')}</label>
            <select id="report-add-join" value={relation ? relationId(relation) : ''} onChange={(e) => setPicked(e.target.value)}>
              {relations.map((r) => (
                <option key={relationId(r)} value={relationId(r)}>
                  {relationText(r)}
                </option>
              ))}
            </select>
          </span>
          <button
            type="button"
            onClick={() => {
              if (!relation) return;
              update((r) => addJoin(r, relation));
              announce(t('joins.added', { relation: relationText(relation) }));
            }}
          >
            {t('joins.add')}
          </button>
        </div>
      )}
    </Section>
  );
}

function JoinRow({ join, index }: { join: ReportJoin; index: number }) {
  const { t } = useTranslation('reportDesigner');
  const { report, catalog, language, update } = useReportEditing();
  const number = index + 1;
  const path = `/joins/${index}`;
  const joined = joinedEntities(report, catalog);
  const parentEntity = join.from === undefined ? catalog.get(report.source) : joined.get(join.from);
  const parent = parentEntity ? localized(parentEntity.label, language) : (join.from ?? report.source);
  const others = joinAliases(report).filter((a) => a !== join.alias);
  // The reference field followed: on the parent for many-to-one, on the children for one-to-many.
  const referenceOf = (entity: string | undefined) => {
    const field = entity === undefined ? undefined : catalog.get(entity)?.fields.find((f) => f.key === join.field);
    return field ? localized(field.label, language) : join.field;
  };
  const description =
    join.kind === 'manyToOne'
      ? t('joins.describeManyToOne', { alias: join.alias, from: parent, field: referenceOf(parentEntity?.key), entity: joined.has(join.alias) ? localized(joined.get(join.alias)!.label, language) : '?' })
      : t('joins.describeOneToMany', { alias: join.alias, from: parent, entity: entityName(catalog, join.entity, language), field: referenceOf(join.entity) });
  return (
    <div role="group" aria-label={t('joins.join', { number })}>
      <div className="report-row-head">
        <p className="report-row-title">{description}</p>
        <RowActions name={t('joins.join', { number })} index={index} count={report.joins?.length ?? 0} onRemove={() => update((r) => removeJoin(r, index))} />
      </div>
      <ProblemsAt path={path} />
      <ProblemsAt path={`${path}/field`} />
      <ProblemsAt path={`${path}/from`} />
      <ProblemsAt path={`${path}/entity`} />
      <KeyInput label={t('joins.alias', { number })} path={`${path}/alias`} value={join.alias} taken={others} onCommit={(alias) => update((r) => renameJoin(r, index, alias))} />
      {join.kind === 'oneToMany' && <ChildAggregates join={join} index={index} />}
    </div>
  );
}

/** A one-to-many join's figures per parent record (how many loans, their total), and which children count. */
function ChildAggregates({ join, index }: { join: OneToManyJoin; index: number }) {
  const { t } = useTranslation('reportDesigner');
  const { report, catalog, update } = useReportEditing();
  const addId = useId();
  const [agg, setAgg] = useState<ChildAggregate>('sum');
  const child = catalog.get(join.entity);
  const childFields = child ? childFieldChoices(child) : [];
  const path = `/joins/${index}`;
  const number = index + 1;
  return (
    <>
      <h4>{t('joins.aggregates', { number })}</h4>
      <ol className="report-subrows">
        {join.aggregates.map((aggregate, i) => {
          const name = t('joins.aggregate', { number: `${number}.${i + 1}` });
          const aggPath = `${path}/aggregates/${i}`;
          return (
            <li key={`${i}-${aggregate.key}`} className="report-subrow" role="group" aria-label={name}>
              <KeyInput label={t('joins.aggregateKey', { name })} path={`${aggPath}/key`} value={aggregate.key} taken={join.aggregates.filter((_, j) => j !== i).map((a) => a.key)} onCommit={(key) => update((r) => updateAggregate(r, index, i, { key }))} />
              <Field label={t('joins.aggregateKind', { name })} path={`${aggPath}/agg`}>
                {(control) => (
                  <select {...control} value={aggregate.agg} onChange={(e) => update((r) => updateAggregate(r, index, i, { agg: e.target.value as ChildAggregate }))}>
                    {CHILD_AGGREGATES.map((a) => (
                      <option key={a} value={a}>
                        {t(`aggregates.${a}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('joins.aggregateField', { name })} path={`${aggPath}/field`}>
                {(control) => (
                  <FieldSelect
                    {...control}
                    fields={childFields}
                    value={aggregate.field}
                    empty={aggregate.agg === 'count' ? t('measures.rows') : undefined}
                    accept={(c) => c.type !== undefined && childAggregateType(aggregate.agg, c.type) !== undefined}
                    onChange={(field) => update((r) => updateAggregate(r, index, i, { field: field === '' ? undefined : field }))}
                  />
                )}
              </Field>
              <RowActions name={name} index={i} count={join.aggregates.length} removeDisabled={join.aggregates.length <= 1} onRemove={() => update((r) => removeAggregate(r, index, i))} />
            </li>
          );
        })}
      </ol>
      <div className="inline-form">
        <span className="field-inline">
          <label htmlFor={addId}>{t('joins.newAggregate', { number })}</label>
          <select id={addId} value={agg} onChange={(e) => setAgg(e.target.value as ChildAggregate)}>
            {CHILD_AGGREGATES.map((a) => (
              <option key={a} value={a}>
                {t(`aggregates.${a}`)}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          onClick={() => {
            const field = agg === 'count' ? undefined : childFields.find((c) => c.type !== undefined && childAggregateType(agg, c.type) !== undefined)?.path;
            update((r) => addAggregate(r, index, agg, field));
          }}
        >
          {t('joins.addAggregate', { number })}
        </button>
      </div>
      <FilterBuilder
        legend={t('joins.filter', { number })}
        emptyText={t('joins.filterEmpty')}
        filter={join.filter}
        onChange={(filter) => update((r) => setJoinFilter(r, index, filter))}
        path={`${path}/filter`}
        fields={childFields}
        parameters={report.parameters ?? []}
      />
    </>
  );
}
