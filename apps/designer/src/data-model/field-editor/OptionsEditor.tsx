import type { ProblemFieldError } from '@bankforge/client';
import { OPTION_COLORS, type OptionColor, type SelectOption } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemsUnder } from '../../shell/api/problems.js';
import { SelectControl, TextControl } from '../controls/Controls.js';

export interface OptionsEditorProps {
  options: readonly SelectOption[];
  onChange: (options: SelectOption[], label?: string) => void;
  /** JSON Pointer of the options array, e.g. `/fields/3/options`. */
  path: string;
  problems: readonly ProblemFieldError[];
  /** A tags field: each option picks its chip colour from the palette. */
  colors?: boolean;
}

function moved<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const next = [...items];
  [next[index], next[index + delta]] = [next[index + delta]!, next[index]!];
  return next;
}

/** Grey is the chip's colour without one, so it is stored as none. */
function withColor(option: SelectOption, color: OptionColor): SelectOption {
  const { color: _previous, ...rest } = option;
  return color === 'grey' ? rest : { ...rest, color };
}

/** The options of a select field: value and text in both languages; add, remove and reorder. */
export function OptionsEditor({ options, onChange, path, problems, colors = false }: OptionsEditorProps) {
  const { t, i18n } = useTranslation('dataModel');
  const set = (index: number, change: (o: SelectOption) => SelectOption, label: string) =>
    onChange(options.map((o, i) => (i === index ? change(o) : o)), label);

  return (
    <fieldset className="options-editor">
      <legend>{t('field.options')}</legend>
      {options.length === 0 && <p className="help">{t('field.noOptions')}</p>}
      <ol className="option-rows">
        {options.map((option, i) => {
          const n = i + 1;
          const at = `${path}/${i}`;
          return (
            <li key={i} className="option-row">
              <TextControl label={t('field.optionValue', { n })} value={option.value} spellCheck={false} problems={problemsUnder(problems, `${at}/value`)} onChange={(value) => set(i, (o) => ({ ...o, value }), `${at}/value`)} />
              <TextControl label={t('field.optionEn', { n })} lang="en" value={option.label.en} problems={problemsUnder(problems, `${at}/label/en`)} onChange={(en) => set(i, (o) => ({ ...o, label: { ...o.label, en } }), `${at}/label/en`)} />
              <TextControl label={t('field.optionZh', { n })} lang="zh-CN" value={option.label['zh-CN']} problems={problemsUnder(problems, `${at}/label/zh-CN`)} onChange={(zh) => set(i, (o) => ({ ...o, label: { ...o.label, 'zh-CN': zh } }), `${at}/label/zh-CN`)} />
              {colors && (
                <SelectControl
                  className={`option-color option-color-${option.color ?? 'grey'}`}
                  label={t('field.optionColor', { n })}
                  value={option.color ?? 'grey'}
                  problems={problemsUnder(problems, `${at}/color`)}
                  choices={OPTION_COLORS.map((color) => ({ value: color, label: t(`field.colors.${color}`) }))}
                  onChange={(color) => set(i, (o) => withColor(o, color as OptionColor), `${at}/color`)}
                />
              )}
              <div className="row-actions">
                <button type="button" aria-label={t('field.optionUp', { n })} disabled={i === 0} onClick={() => onChange(moved(options, i, -1))}>
                  ↑
                </button>
                <button type="button" aria-label={t('field.optionDown', { n })} disabled={i === options.length - 1} onClick={() => onChange(moved(options, i, 1))}>
                  ↓
                </button>
                <button type="button" aria-label={t('field.optionRemove', { n })} onClick={() => onChange(options.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {problems
        .filter((p) => p.path === path)
        .map((p, i) => (
          <p key={i} className="field-error">
            {problemMessage(p, i18n.language)}
          </p>
        ))}
      <button type="button" onClick={() => onChange([...options, { value: `option_${options.length + 1}`, label: { en: '', 'zh-CN': '' } }])}>
        {t('field.addOption')}
      </button>
    </fieldset>
  );
}
