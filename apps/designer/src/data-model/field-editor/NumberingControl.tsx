import type { ProblemFieldError } from '@bankforge/client';
import { formatNumber, localDateOf, maxSequence, numberingProblem, parseNumbering } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { TextControl } from '../controls/Controls.js';

export interface NumberingControlProps {
  value: string;
  problems: readonly ProblemFieldError[];
  onChange: (value: string) => void;
  /** Today's date in the bank's time zone for the preview; the browser's clock when absent. */
  now?: Date;
}

const BANK_TIME_ZONE = 'Asia/Shanghai';

/**
 * An auto-numbered field's pattern, typed by the analyst, with what it gives as they type: the
 * first numbers of this period and when the sequence starts again, or why the pattern cannot be used.
 */
export function NumberingControl({ value, problems, onChange, now = new Date() }: NumberingControlProps) {
  const { t, i18n } = useTranslation('dataModel');
  const zh = i18n.language === 'zh-CN';
  const problem = value.trim() === '' ? null : numberingProblem(value);
  let preview: string | null = null;
  if (value.trim() !== '' && problem === null) {
    const numbering = parseNumbering(value);
    const day = localDateOf(now, BANK_TIME_ZONE);
    preview = t('field.numberingPreview', {
      first: formatNumber(numbering, day, 1),
      second: formatNumber(numbering, day, 2),
      restarts: t(`field.numberingRestarts.${numbering.period}`),
      max: maxSequence(numbering).toLocaleString(i18n.language),
    });
  }
  return (
    <div className="numbering">
      <TextControl label={t('field.numbering')} help={t('field.numberingHelp')} spellCheck={false} value={value} placeholder="LA{yyyyMM}{seq:6}" problems={problems} onChange={onChange} />
      {/* Read out as the analyst types: the preview, or why the pattern does not work yet. */}
      <p className={problem ? 'field-errors numbering-problem' : 'numbering-preview'} aria-live="polite">
        {problem ? t('field.numberingProblem', { reason: zh ? problem.zh : problem.en }) : preview}
      </p>
    </div>
  );
}
