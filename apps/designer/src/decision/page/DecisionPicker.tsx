import type { Decision } from '@bankforge/rule-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Which of the model's decisions is shown (-1: none, another kind of element is); each named with the kind of its logic. */
export function DecisionPicker({ decisions, selected, onSelect }: { decisions: readonly Decision[]; selected: number; onSelect(index: number): void }) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  return (
    <div className="form-row dg-picker">
      <label htmlFor={id}>{t('picker.label')}</label>
      <select id={id} value={selected} aria-describedby={`${id}-help`} onChange={(event) => onSelect(Number(event.target.value))}>
        {/* A knowledge model or input data is edited: no decision is. */}
        {selected < 0 && <option value={-1}>—</option>}
        {decisions.map((decision, i) => (
          <option key={i} value={i}>
            {t('picker.option', { name: decision.name, kind: t(`logicKind.${decision.logic?.kind ?? 'none'}`) })}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="help">
        {t('picker.help')}
      </p>
    </div>
  );
}
