import { OPTION_COLORS, type OptionColor, type SelectOption } from '@bankforge/data-model';
import type { ReactNode } from 'react';

/**
 * A tag's colour as a class name, never as a style: only a name of the fixed palette makes a
 * class, so whatever an option carries cannot reach CSS. Unknown or absent: the neutral grey.
 */
export function tagClassName(color: string | undefined): string {
  const known = OPTION_COLORS.find((c): c is OptionColor => c === color) ?? 'grey';
  return `bf-tag bf-tag-${known}`;
}

export interface TagChipProps {
  /** The option shown; a value no option has is shown as given, grey. */
  option: SelectOption | undefined;
  value: string;
  locale: 'en' | 'zh-CN';
  children?: ReactNode;
}

/** One tag as a coloured chip, labelled in the reader's language. */
export function TagChip({ option, value, locale, children }: TagChipProps) {
  return (
    <span className={tagClassName(option?.color)}>
      {option ? option.label[locale] || option.label.en : value}
      {children}
    </span>
  );
}

/** A tags field's values as chips, in the order the value has them. */
export function TagChips({ options, values, locale }: { options: readonly SelectOption[]; values: readonly string[]; locale: 'en' | 'zh-CN' }) {
  return (
    <span className="bf-tags">
      {values.map((value) => (
        <TagChip key={value} value={value} option={options.find((o) => o.value === value)} locale={locale} />
      ))}
    </span>
  );
}
