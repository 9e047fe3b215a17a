import type { FilterCondition, RecordFilter } from '@bankforge/data-model';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBuilderHostContext, type FilterBuilderHost, type FilterFieldChoice, type FilterParameter } from './builder-context.js';
import { ConditionValue } from './ConditionValue.js';
import { FilterField, FilterProblemsAt } from './controls.js';
import { FieldPicker } from './FieldPicker.js';
import { addCondition, addGroup, filterTree, removeNode, replaceCondition, setMatch, treeFilter, type FilterGroupNode, type FilterNode, type TreeAt } from './filter-tree.js';
import { newCondition, operatorsFor, valueFor } from './filter-values.js';
import './filter-builder.css';

export interface FilterBuilderProps extends FilterBuilderHost {
  /** Names the builder (a group): "Filter", "Only rows where" of a measure. */
  legend: string;
  /** What the builder says when it holds no condition. */
  emptyText: string;
  filter: RecordFilter | undefined;
  onChange(filter: RecordFilter | undefined): void;
  /** Where the filter sits in its document (`/filter`, `/measures/0/filter`, `/trigger/filter`): its problems are found there. */
  path: string;
  /** The fields conditions may compare (a report's, a join's children's, a schedule's entity's). */
  fields: readonly FilterFieldChoice[];
  /** The parameters a condition may compare with (none for a join's children or an automation). */
  parameters?: readonly FilterParameter[];
}

/** `2.1`: the condition's place in the tree, for its controls' names. */
const numberOf = (at: TreeAt): string => at.map((i) => i + 1).join('.');

/**
 * The one filter language (the data model's `RecordFilter`) as an analyst builds it, in every designer
 * that stores one: conditions on fields (operators as the field's type allows, values typed, picked
 * from options, relative periods, or parameters), grouped as all / any / none of. Each condition's
 * problems, as the host says them, sit beside it; the host names the controls (its summary links to them).
 */
export function FilterBuilder({ legend, emptyText, filter, onChange, path, fields, parameters = [], problems, language, idOf, fieldsLoaded }: FilterBuilderProps) {
  const { t } = useTranslation('filterBuilder');
  const host = useMemo(() => ({ problems, language, idOf, fieldsLoaded }), [problems, language, idOf, fieldsLoaded]);
  const tree = filterTree(filter);
  const change = (next: FilterGroupNode) => onChange(treeFilter(next));
  const first = fields.find((f) => !f.computed) ?? fields[0];
  const fresh = (): FilterCondition | undefined => (first ? newCondition(first.path, first.type) : undefined);
  // A condition or group added by a button takes the focus (its first control), so a keyboard user goes on
  // from there rather than tabbing back over the whole tree.
  const root = useRef<HTMLFieldSetElement>(null);
  const [added, setAdded] = useState(0);
  useEffect(() => {
    if (added > 0) root.current?.querySelector<HTMLElement>(':scope > .filter-items > li:last-child select')?.focus();
  }, [added]);
  return (
    <FilterBuilderHostContext.Provider value={host}>
    <fieldset className="filter-builder" ref={root}>
      <legend>{legend}</legend>
      <FilterProblemsAt path={path} />
      {tree.items.length === 0 && <p className="help">{emptyText}</p>}
      <GroupBody group={tree} at={[]} path={path} fields={fields} parameters={parameters} onChange={change} root={tree} />
      <div className="button-row">
        <button
          type="button"
          disabled={!first}
          onClick={() => {
            const condition = fresh();
            if (condition) {
              change(addCondition(tree, [], condition));
              setAdded((n) => n + 1);
            }
          }}
        >
          {t('addCondition')}
        </button>
        <button
          type="button"
          disabled={!first}
          onClick={() => {
            const condition = fresh();
            if (condition) {
              change(addGroup(tree, [], 'any', condition));
              setAdded((n) => n + 1);
            }
          }}
        >
          {t('addGroup')}
        </button>
      </div>
    </fieldset>
    </FilterBuilderHostContext.Provider>
  );
}

interface NodeProps {
  root: FilterGroupNode;
  at: TreeAt;
  path: string;
  fields: readonly FilterFieldChoice[];
  parameters: readonly FilterParameter[];
  onChange(next: FilterGroupNode): void;
}

function GroupBody({ group, ...props }: NodeProps & { group: FilterGroupNode }) {
  const { t } = useTranslation('filterBuilder');
  const { root, at, onChange } = props;
  const matchId = useId();
  const match = group.negated ? (group.match === 'any' ? 'none' : 'notAll') : group.match;
  const name = at.length === 0 ? t('rootMatch') : t('groupMatch', { number: numberOf(at) });
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
            <option value="all">{t('match.all')}</option>
            <option value="any">{t('match.any')}</option>
            <option value="none">{t('match.none')}</option>
            <option value="notAll">{t('match.notAll')}</option>
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
  const { t } = useTranslation('filterBuilder');
  const { root, at, onChange, fields } = props;
  const number = numberOf(at);
  if (node.kind === 'group') {
    const first = fields[0];
    return (
      <div role="group" aria-label={t('group', { number })} className="filter-group">
        <GroupBody group={node} {...props} />
        <div className="button-row">
          <button type="button" disabled={!first} onClick={() => first && onChange(addCondition(root, at, newCondition(first.path, first.type)))}>
            {t('addConditionTo', { number })}
          </button>
          <button type="button" onClick={() => onChange(removeNode(root, at))}>
            {t('removeGroup', { number })}
          </button>
        </div>
      </div>
    );
  }
  return <ConditionRow condition={node.condition} nodePath={`${props.path}${node.path}`} number={number} {...props} />;
}

function ConditionRow({ condition, nodePath, number, ...props }: NodeProps & { condition: FilterCondition; nodePath: string; number: string }) {
  const { t } = useTranslation('filterBuilder');
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
    <div className="filter-condition" role="group" aria-label={t('condition', { number })}>
      <FilterProblemsAt path={nodePath} />
      <FilterField label={t('field', { number })} path={`${nodePath}/field`} className="form-row filter-cell">
        {(control) => <FieldPicker {...control} fields={fields} value={condition.field} onChange={changeField} />}
      </FilterField>
      <FilterField label={t('operator', { number })} path={`${nodePath}/op`} className="form-row filter-cell">
        {(control) => (
          <select {...control} value={condition.op} onChange={(e) => {
            const op = e.target.value as FilterCondition['op'];
            set({ field: condition.field, op, value: valueFor(op, type, condition.value) });
          }}>
            {operatorsFor(type).map((op) => (
              <option key={op} value={op}>
                {temporal && (op === 'eq' || op === 'ne' || op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte') ? t(`dateOps.${op}`) : t(`ops.${op}`)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <ConditionValue condition={condition} choice={choice} parameters={parameters} path={`${nodePath}/value`} number={number} onChange={(value) => set({ ...condition, value })} />
      <button type="button" className="filter-remove" onClick={() => onChange(removeNode(root, at))}>
        {t('removeCondition', { number })}
      </button>
    </div>
  );
}
