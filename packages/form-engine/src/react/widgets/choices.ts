import type { WidgetProps } from './widget-props.js';

/** One choice of a select-like widget, labelled in the current locale. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * The choices a single-choice widget offers and how they map to the stored value: a yes/no
 * field offers Yes and No for `true` and `false`; other fields their options' values.
 */
export function singleChoices(props: WidgetProps): {
  choices: Choice[];
  selected: string;
  valueOf(choice: string): unknown;
} {
  if (props.field.type === 'boolean') {
    return {
      choices: [
        { value: 'true', label: props.messages.yes },
        { value: 'false', label: props.messages.no },
      ],
      selected: typeof props.value === 'boolean' ? String(props.value) : '',
      valueOf: (choice) => (choice === '' ? null : choice === 'true'),
    };
  }
  return {
    choices: props.options.map((option) => ({ value: option.value, label: option.label[props.locale] })),
    selected: typeof props.value === 'string' ? props.value : '',
    valueOf: (choice) => (choice === '' ? null : choice),
  };
}

/** The options of a multiple-choice widget and the chosen values (a multiSelect's string array). */
export function multipleChoices(props: WidgetProps): { choices: Choice[]; selected: string[] } {
  return {
    choices: props.options.map((option) => ({ value: option.value, label: option.label[props.locale] })),
    selected: Array.isArray(props.value) ? props.value.filter((v): v is string => typeof v === 'string') : [],
  };
}

/** A multiSelect's value after toggling one choice, in the options' order. Empty is no value. */
export function toggled(choices: readonly Choice[], selected: readonly string[], choice: string, on: boolean): string[] | null {
  const next = choices.map((c) => c.value).filter((v) => (v === choice ? on : selected.includes(v)));
  return next.length === 0 ? null : next;
}
