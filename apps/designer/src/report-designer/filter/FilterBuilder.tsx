import type { FilterCondition, RecordFilter } from '@bankforge/data-model';
import type { ReportParameter } from '@bankforge/report-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFieldChoice } from '../model/fields.js';
import { addCondition, addGroup, filterTree, removeNode, replaceCondition, setMatch, treeFilter, type FilterGroupNode, type FilterNode, type TreeAt } from '../model/filter-tree.js';
import { newCondition, operatorsFor, valueFor } from '../model/filter-values.js';
import { Field, ProblemsAt } from '../ui/controls.js';
import { FieldSelect } from '../ui/FieldSelect.js';
import { ConditionValue } from './ConditionValue.js';

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

/** `2.1`: the condition's place in the tree, for its controls' names. */
const numberOf = (at: TreeAt): string => at.map((i) => i + 1).join('.');

/**
 * The one filter language as an analyst builds it: conditions on the report's fields (operators as
 * the field's type allows, values typed, picked from options, relative periods, or parameters),
 * grouped as all / any / none of. Each condition's problems from the engine sit beside it.
 */
export function FilterBuilder({ legend, emptyText, filter, onChange, path, fields, parameters }: FilterBuilderProps) {
  const { t } = useTranslation('reportDesigner');
  const tree = filterTree(filter);
  const change = (next: FilterGroupNode) => onChange(treeFilter(next));
  const first = fields.find((f) => f.origin.kind !== 'calculated') ?? fields[0];
  const fresh = (): FilterCondition | undefined => (first ? newCondition(first.path, first.type) : undefined);
  return (
    <fieldset className="filter-builder">
      <legend>{legend}</legend>
      <ProblemsAt path={path} />
      {tree.items.length === 0 && <p className="help">{emptyText}</p>}
      <GroupBody group={tree} at={[]} path={path} fields={fields} parameters={parameters} onChange={change} root={tree} />
      <div className="button-row">
        <button
          type="button"
          disabled={!first}
          onClick={() => {
            const condition = fresh();
            if (condition) change(addCondition(tree, [], condition));
          }}
        >
          {t('filter.addCondition')}
        </button>
        <button
          type="button"
          disabled={!first}
          onClick={() => {
            const condition = fresh();
            if (condition) change(addGroup(tree, [], 'any', condition));
          }}
        >
          {t('filter.addGroup')}
        </button>
      </div>
    </fieldset>
  );
}

interface NodeProps {
  root: FilterGroupNode;
  at: TreeAt;
  path: string;
  fields: readonly ReportFieldChoice[];
  parameters: readonly ReportParameter[];
  onChange(next: FilterGroupNode): void;
}

function GroupBody({ group, ...props }: NodeProps & { group: FilterGroupNode }) {
  const { t } = useTranslation('reportDesigner');
  const { root, at, onChange } = props;
  const matchId = useId();
  const match = group.negated ? (group.match === 'any' ? 'none' : 'notAll') : group.match;
  const name = at.length === 0 ? t('filter.rootMatch') : t('filter.groupMatch', { number: numberOf(at) });
  return (
    <>
      {(group.items.length > 1 || at.length > 0 || group.negated) && (
        <div className="form-row filter-match">
          <label htmlFor={matchId}>{name}</label>
          <select
            id={matchId}
            value={match}
            onChange={(e) => {
              const value = e.target.value;
              // "None of" is not (any of); "not all of" is not (all of).
              onChange(setMatch(root, at, value === 'any' || value === 'none' ? 'any' : 'all', value === 'none' || value === 'notAll'));
            }}
          >
            <option value="all">{t('filter.match.all')}</option>
            <option value="any">{t('filter.match.any')}</option>
            <option value="none">{t('filter.match.none')}</option>
            <option value="notAll">{t('filter.match.notAll')}</option>
          </select>
        </div>
      )}
      <ol className="filter-items">
        {group.items.map((node, i) => (
          <li key={`${i}-${node.kind}`}>
            <NodeView node={node} {...props} at={[...at, i]} />
          </li>
        ))}
      </ol>
    </>
  );
}

function NodeView({ node, ...props }: NodeProps & { node: FilterNode }) {
  const { t } = useTranslation('reportDesigner');
  const { root, at, onChange, fields } = props;
  const number = numberOf(at);
  if (node.kind === 'group') {
    const first = fields[0];
    return (
      <div role="group" aria-label={t('filter.group', { number })} className="filter-group">
        <GroupBody group={node} {...props} />
        <div className="button-row">
          <button type="button" disabled={!first} onClick={() => first && onChange(addCondition(root, at, newCondition(first.path, first.type)))}>
            {t('filter.addConditionTo', { number })}
          </button>
          <button type="button" onClick={() => onChange(removeNode(root, at))}>
            {t('filter.removeGroup', { number })}
          </button>
        </div>
      </div>
    );
  }
  return <ConditionRow condition={node.condition} nodePath={`${props.path}${node.path}`} number={number} {...props} />;
}

function ConditionRow({ condition, nodePath, number, ...props }: NodeProps & { condition: FilterCondition; nodePath: string; number: string }) {
  const { t } = useTranslation('reportDesigner');
  const { root, at, onChange, fields, parameters } = props;
  const choice = fields.find((f) => f.path === condition.field);
  const type = choice?.type;
  const temporal = type === 'date' || type === 'datetime';
  const set = (next: FilterCondition) => onChange(replaceCondition(root, at, next));
  const changeField = (field: string) => {
    const picked = fields.find((f) => f.path === field);
    // The operator stays when the new field's type takes it; the value with it where it fits.
    set(operatorsFor(picked?.type).includes(condition.op) ? { field, op: condition.op, value: valueFor(condition.op, picked?.type, condition.value) } : newCondition(field, picked?.type));
  };
  return (
    <div className="filter-condition" role="group" aria-label={t('filter.condition', { number })}>
      <ProblemsAt path={nodePath} />
      <Field label={t('filter.field', { number })} path={`${nodePath}/field`} className="form-row filter-cell">
        {(control) => <FieldSelect {...control} fields={fields} value={condition.field} onChange={changeField} />}
      </Field>
      <Field label={t('filter.operator', { number })} path={`${nodePath}/op`} className="form-row filter-cell">
        {(control) => (
          <select {...control} value={condition.op} onChange={(e) => {
            const op = e.target.value as FilterCondition['op'];
            set({ field: condition.field, op, value: valueFor(op, type, condition.value) });
          }}>
            {operatorsFor(type).map((op) => (
              <option key={op} value={op}>
                {temporal && (op === 'eq' || op === 'ne' || op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte') ? t(`filter.dateOps.${op}`) : t(`filter.ops.${op}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ConditionValue condition={condition} choice={choice} parameters={parameters} path={`${nodePath}/value`} number={number} onChange={(value) => set({ ...condition, value })} />
      <button type="button" className="filter-remove" onClick={() => onChange(removeNode(root, at))}>
        {t('filter.removeCondition', { number })}
      </button>
    </div>
  );
}
