import { useId, useState } from 'react';
import type { FieldDefinition, LocalizedText, SelectOption } from '@bankforge/data-model';
import type { WidgetType } from '../../form/form-definition.js';
import { problemMessage } from '../field/problem-message.js';
import { localized, RENDERER_MESSAGES, type RendererLocale } from '../locale/messages.js';
import { GROUP_WIDGETS, WIDGETS, DEFAULT_WIDGETS } from './widget-for.js';
import type { InputProblem, LoadOptions, LookupSource } from './widget-props.js';

export interface FieldInputProps {
  field: FieldDefinition;
  value: unknown;
  onChange(value: unknown): void;
  locale: RendererLocale;
  /** The widget to use; the field type's default when absent. */
  widget?: WidgetType;
  /** The label; the field's label when absent. */
  label?: LocalizedText;
  /** Options for select-like widgets; the field's options when absent. */
  options?: readonly SelectOption[];
  lookup?: LookupSource;
  loadOptions?: LoadOptions;
  readOnly?: boolean;
  disabled?: boolean;
}

/**
 * One labelled widget for a field, outside any form model (e.g. the designer's editor for a
 * field's default value). What cannot be a value (invalid JSON, a malformed number) is reported
 * inline.
 */
export function FieldInput(props: FieldInputProps) {
  const id = useId();
  const [problem, setProblem] = useState<InputProblem | null>(null);
  const messages = RENDERER_MESSAGES[props.locale];
  const widget = props.widget ?? DEFAULT_WIDGETS[props.field.type];
  const Widget = WIDGETS[widget];
  const label = localized(props.label ?? props.field.label, props.locale);
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  return (
    <div className="bf-field" data-invalid={problem ? true : undefined}>
      {GROUP_WIDGETS.has(widget) ? (
        <span id={labelId} className="bf-label">
          {label}
        </span>
      ) : (
        <label id={labelId} htmlFor={id} className="bf-label">
          {label}
        </label>
      )}
      <Widget
        id={id}
        labelId={labelId}
        value={props.value}
        onChange={props.onChange}
        onBlur={() => undefined}
        onInputProblem={setProblem}
        field={props.field}
        options={props.options ?? props.field.options ?? []}
        lookup={props.lookup}
        loadOptions={props.loadOptions}
        locale={props.locale}
        messages={messages}
        required={false}
        readOnly={props.readOnly ?? false}
        disabled={props.disabled ?? false}
        invalid={problem !== null}
        describedBy={problem ? errorId : undefined}
      />
      <div id={errorId} className="bf-errors" aria-live="polite">
        {problem && <p className="bf-error">{problemMessage(problem, messages)}</p>}
      </div>
    </div>
  );
}
