import type { HTMLAttributes } from 'react';
import { controlAttributes, plainTextBinding } from './control-attributes.js';
import type { WidgetProps } from './widget-props.js';

type InputMode = HTMLAttributes<HTMLInputElement>['inputMode'];

/** How each single-line text kind is typed: the input type, keyboard and browser autofill hint. */
const TEXT_KINDS = {
  text: { type: 'text', inputMode: undefined, autoComplete: undefined, maxLength: undefined },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email', maxLength: 254 },
  url: { type: 'url', inputMode: 'url', autoComplete: 'url', maxLength: 2048 },
  mobile: { type: 'tel', inputMode: 'tel', autoComplete: 'tel-national', maxLength: 20 },
  residentId: { type: 'text', inputMode: 'text', autoComplete: 'off', maxLength: 18 },
} as const satisfies Record<string, { type: string; inputMode: InputMode; autoComplete: string | undefined; maxLength: number | undefined }>;

export type TextKind = keyof typeof TEXT_KINDS;

/** Single-line text: text, email, url, mainland mobile and resident ID. Empty text is no value. */
export function TextWidget(props: WidgetProps & { kind?: TextKind }) {
  const kind = TEXT_KINDS[props.kind ?? 'text'];
  return (
    <input
      {...controlAttributes(props)}
      {...plainTextBinding(props)}
      className="bf-input"
      type={kind.type}
      inputMode={kind.inputMode}
      autoComplete={kind.autoComplete}
      maxLength={props.field.maxLength ?? kind.maxLength}
      spellCheck={props.kind === undefined || props.kind === 'text' ? undefined : false}
      placeholder={props.placeholder}
    />
  );
}
