import type { ApprovalNode, AuthorityLimit } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { RolePicker } from '../pickers/RolePicker.js';
import { FieldErrors } from './FieldErrors.js';
import { usePanel } from './panel-context.js';

/**
 * Amount authority as a table: a holder of the role may approve up to the amount; above it their
 * approval sends the task on. The amount is one of the flow's number or money variables.
 */
export function AuthorityLimitsTable({ node, path, onChange }: { node: ApprovalNode; path: string; onChange(limits: AuthorityLimit[]): void }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, language, problemsAt } = usePanel();
  const limits = node.authorityLimits ?? [];
  const amounts = flow.variables.filter((v) => v.type === 'number' || v.type === 'money').map((v) => v.name);
  const set = (index: number, limit: AuthorityLimit) => onChange(limits.map((l, i) => (i === index ? limit : l)));
  return (
    <fieldset>
      <legend>{t('authority.title')}</legend>
      <p className="help">{t('authority.help')}</p>
      {limits.length > 0 && (
        <table className="data-table flow-table">
          <thead>
            <tr>
              <th scope="col">{t('authority.role')}</th>
              <th scope="col">{t('authority.upTo')}</th>
              <th scope="col">{t('authority.amountVariable')}</th>
              <th scope="col"><span className="visually-hidden">{t('authority.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {limits.map((limit, index) => {
              const number = index + 1;
              return (
                <tr key={index}>
                  <td>
                    <RolePicker label={t('authority.roleOf', { number })} hideLabel value={limit.role} language={language} onChange={(role) => set(index, { ...limit, role })} problems={problemsAt(`${path}/${index}/role`)} />
                  </td>
                  <td>
                    <input aria-label={t('authority.upToOf', { number })} type="number" min={0} step="any" value={limit.upTo} onChange={(e) => set(index, { ...limit, upTo: Number(e.target.value) })} />
                    <FieldErrors problems={problemsAt(`${path}/${index}/upTo`)} />
                  </td>
                  <td>
                    <select aria-label={t('authority.amountVariableOf', { number })} value={limit.amountVariable} onChange={(e) => set(index, { ...limit, amountVariable: e.target.value })}>
                      {[...new Set([limit.amountVariable, ...amounts])].filter(Boolean).map((name) => <option key={name} value={name}>{name}</option>)}
                    </select>
                    <FieldErrors problems={problemsAt(`${path}/${index}/amountVariable`)} />
                  </td>
                  <td>
                    <button type="button" onClick={() => onChange(limits.filter((_, i) => i !== index))}>{t('authority.remove', { number })}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => onChange([...limits, { role: '', upTo: 0, amountVariable: amounts[0] ?? '' }])}>{t('authority.add')}</button>
    </fieldset>
  );
}
