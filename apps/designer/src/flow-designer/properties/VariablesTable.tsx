import type { FlowVariable, FlowVariableType } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { compact } from '../document/map-edits.js';
import { FieldErrors } from './FieldErrors.js';
import { usePanel } from './panel-context.js';

const TYPES: readonly FlowVariableType[] = ['string', 'number', 'money', 'boolean', 'date', 'dateTime', 'list', 'context'];

/** The flow's typed variables: what conditions, assignee rules and decisions read, and what steps write. */
export function VariablesTable() {
  const { t } = useTranslation('flowDesigner');
  const { flow, change, problemsAt } = usePanel();
  const set = (index: number, property: string, recipe: (v: FlowVariable) => FlowVariable) =>
    change((f) => ({ ...f, variables: f.variables.map((v, i) => (i === index ? recipe(v) : v)) }), `variables/${index}:${property}`);
  const add = () => {
    const taken = new Set(flow.variables.map((v) => v.name));
    let n = flow.variables.length + 1;
    while (taken.has(`variable${n}`)) n++;
    change((f) => ({ ...f, variables: [...f.variables, { name: `variable${n}`, type: 'string' }] }));
  };
  return (
    <fieldset>
      <legend>{t('variables.title')}</legend>
      <p className="help">{t('variables.help')}</p>
      {flow.variables.length > 0 && (
        <table className="data-table flow-table">
          <thead>
            <tr>
              <th scope="col">{t('variables.name')}</th>
              <th scope="col">{t('variables.type')}</th>
              <th scope="col">{t('variables.required')}</th>
              <th scope="col">{t('variables.labelEn')}</th>
              <th scope="col">{t('variables.labelZh')}</th>
              <th scope="col"><span className="visually-hidden">{t('authority.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {flow.variables.map((v, index) => {
              const number = index + 1;
              const label = (language: 'en' | 'zh-CN', text: string) => {
                const next = { en: v.label?.en ?? '', 'zh-CN': v.label?.['zh-CN'] ?? '', [language]: text };
                return next.en === '' && next['zh-CN'] === '' ? undefined : next;
              };
              return (
                <tr key={index}>
                  <td>
                    <input aria-label={t('variables.nameOf', { number })} value={v.name} spellCheck={false} onChange={(e) => set(index, 'name', (x) => ({ ...x, name: e.target.value }))} />
                    <FieldErrors problems={problemsAt(`/variables/${index}`)} />
                  </td>
                  <td>
                    <select aria-label={t('variables.typeOf', { number, name: v.name })} value={v.type} onChange={(e) => set(index, 'type', (x) => compact({ ...x, type: e.target.value as FlowVariableType, default: undefined }))}>
                      {TYPES.map((type) => <option key={type} value={type}>{t(`variables.types.${type}`)}</option>)}
                    </select>
                  </td>
                  <td>
                    <input type="checkbox" aria-label={t('variables.requiredOf', { name: v.name })} checked={v.required === true} onChange={(e) => set(index, 'required', (x) => compact({ ...x, required: e.target.checked ? true : undefined }))} />
                  </td>
                  <td>
                    <input aria-label={t('variables.labelEnOf', { name: v.name })} lang="en" value={v.label?.en ?? ''} onChange={(e) => set(index, 'labelEn', (x) => compact({ ...x, label: label('en', e.target.value) }))} />
                  </td>
                  <td>
                    <input aria-label={t('variables.labelZhOf', { name: v.name })} lang="zh-CN" value={v.label?.['zh-CN'] ?? ''} onChange={(e) => set(index, 'labelZh', (x) => compact({ ...x, label: label('zh-CN', e.target.value) }))} />
                  </td>
                  <td>
                    <button type="button" onClick={() => change((f) => ({ ...f, variables: f.variables.filter((_, i) => i !== index) }))}>{t('variables.remove', { name: v.name })}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" onClick={add}>{t('variables.add')}</button>
    </fieldset>
  );
}
