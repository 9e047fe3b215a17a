import type { DecisionTable } from '@bankforge/rule-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HIT_POLICY_CHOICES, hitPolicyChoice, withHitPolicy } from './hit-policy.js';

/** The table's hit policy, with what it means in the analyst's words. */
export function HitPolicyField({ table, onChange }: { table: DecisionTable; onChange(change: (table: DecisionTable) => DecisionTable): void }) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const choice = hitPolicyChoice(table);
  return (
    <div className="form-row dg-hit-policy">
      <label htmlFor={id}>{t('hitPolicy.label')}</label>
      <select id={id} value={choice} aria-describedby={`${id}-help`} onChange={(event) => onChange((current) => withHitPolicy(current, event.target.value as typeof choice))}>
        {HIT_POLICY_CHOICES.map((c) => (
          <option key={c} value={c}>
            {`${t(`hitPolicy.${c}`)} (${c})`}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="help">
        {t(`hitPolicy.help.${choice}`)}
      </p>
    </div>
  );
}
