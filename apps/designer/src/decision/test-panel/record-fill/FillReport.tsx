import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { designerLanguage, localized } from '../../../form-designer/workspace/localized.js';
import type { RecordFill } from './RecordFillDialog.js';

/** Which inputs the record filled (and with what), and which it did not, and why: a masked value, an empty one, no field named like the input. */
export function FillReport({ fill }: { fill: RecordFill }) {
  const { t, i18n } = useTranslation('decisionTests');
  const language = designerLanguage(i18n.language);
  const id = useId();
  const entity = localized(fill.page.entity.label, language) || fill.page.entity.title || fill.page.entity.key;
  const filled = fill.outcomes.filter((o) => o.status === 'filled').length;
  const count = fill.outcomes.length;
  return (
    <section className="dt-fill__report" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('fill.report.title', { entity, record: fill.recordName })}</h4>
      <p role="status">{filled === count ? t('fill.report.summaryAll', { count }) : t('fill.report.summary', { filled, count })}</p>
      <ul>
        {fill.outcomes.map((outcome) => {
          const field = outcome.status === 'noField' ? '' : localized(outcome.field.label, language) || outcome.field.key;
          const value = outcome.status === 'filled' ? (typeof outcome.value === 'string' ? outcome.value : JSON.stringify(outcome.value)) : '';
          return (
            <li key={outcome.input} className={`dt-fill__outcome dt-fill__outcome--${outcome.status}`}>
              {t(`fill.report.${outcome.status}`, { input: outcome.input, field, value, entity })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
