import type { TargetCondition, UpdateRecordAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { entityChoices, fieldChoices } from '../../ui/choices.js';
import { FeelControl, SelectControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';
import { ValuesTable } from './ValuesTable.js';

const OPS = ['eq', 'ne'] as const;

/** The run's record, or others: one named by its entity and a FEEL id (a visit's customer), or every one matching conditions (a customer's campaign contacts). */
export function UpdateRecordEditor({ action, index, onChange }: ActionEditorProps<UpdateRecordAction>) {
  const { t } = useTranslation('automationDesigner');
  const { entity, catalog, language } = useAutomationEditing();
  const scope = useActionScope(index);
  const control = `actions.${index}`;
  const target = action.target;
  const { target: _target, ...own } = action;
  const targetEntity = target ? catalog.entities.get(target.entity) : undefined;
  const where = target && 'where' in target ? target.where : undefined;
  const setWhere = (next: TargetCondition[], label?: string) => target && onChange({ ...action, target: { entity: target.entity, where: next } }, label);
  const firstField = targetEntity?.fields[0]?.key ?? 'id';
  return (
    <>
      <SelectControl
        label={t('actions.updateWhich')}
        control={`${control}.target.entity`}
        value={target?.entity ?? ''}
        choices={[{ value: '', label: t('actions.updateOwn') }, ...entityChoices(catalog.entities, language)]}
        // The values (and conditions) name the chosen entity's fields: they go with it.
        onChange={(key) => onChange(key === '' ? { ...own, values: {} } : { ...action, target: { entity: key, id: target && 'id' in target ? target.id : '' }, values: {} })}
      />
      {target && (
        <SelectControl
          label={t('actions.updateFindBy')}
          control={`${control}.target`}
          value={where ? 'where' : 'id'}
          choices={(['id', 'where'] as const).map((by) => ({ value: by, label: t(`actions.updateFindByNames.${by}`) }))}
          onChange={(by) =>
            onChange({ ...action, target: by === 'where' ? { entity: target.entity, where: [{ field: firstField, op: 'eq', value: '' }] } : { entity: target.entity, id: '' } })
          }
        />
      )}
      {target && 'id' in target && (
        <FeelControl
          label={t('actions.updateTargetId')}
          control={`${control}.target.id`}
          value={target.id}
          names={scope.names}
          help={`${t('actions.updateTargetIdHelp')} ${scope.help}`}
          onChange={(id) => onChange({ ...action, target: { ...target, id } }, `${control}.target.id`)}
        />
      )}
      {where && (
        <fieldset className="automation-conditions">
          <legend>{t('actions.updateFindByNames.where')}</legend>
          <p className="help">{t('actions.updateWhereHelp')}</p>
          {where.map((condition, j) => {
            const n = j + 1;
            const at = `${control}.target.where.${j}`;
            const replace = (next: TargetCondition, label?: string) => setWhere(where.map((c, k) => (k === j ? next : c)), label);
            return (
              <div key={j} className="automation-condition">
                <SelectControl
                  label={t('actions.updateWhereField', { n })}
                  control={`${at}.field`}
                  value={condition.field}
                  choices={[{ value: 'id', label: 'id' }, ...fieldChoices(targetEntity?.fields ?? [], language)]}
                  onChange={(field) => replace({ ...condition, field })}
                />
                <SelectControl
                  label={t('actions.updateWhereOp', { n })}
                  control={`${at}.op`}
                  value={condition.op}
                  choices={OPS.map((op) => ({ value: op, label: t(`actions.updateWhereOps.${op}`) }))}
                  onChange={(op) => replace({ ...condition, op: op as TargetCondition['op'] })}
                />
                <FeelControl label={t('actions.updateWhereValue', { n })} control={`${at}.value`} value={condition.value} names={scope.names} help={scope.help} onChange={(value) => replace({ ...condition, value }, `${at}.value`)} />
                <button type="button" disabled={where.length === 1} onClick={() => setWhere(where.filter((_, k) => k !== j))}>
                  {t('actions.updateWhereRemove', { n })}
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => setWhere([...where, { field: firstField, op: 'eq', value: '' }])}>
            {t('actions.updateWhereAdd')}
          </button>
        </fieldset>
      )}
      <ValuesTable
        entity={target ? targetEntity : entity}
        values={action.values}
        control={`${control}.values`}
        names={scope.names}
        help={scope.help}
        onChange={(values, label) => onChange({ ...action, values }, label)}
      />
    </>
  );
}
