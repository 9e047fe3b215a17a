import { memo, type ReactNode } from 'react';
import { isAutoNumbered, type FieldDefinition } from '@bankforge/data-model';
import type { FormFieldNode } from '../../form/form-definition.js';
import type { CompiledForm } from '../../form/form-model-api.js';
import { localized, type RendererLocale, type RendererMessages } from '../locale/messages.js';
import type { RendererActions } from '../renderer/renderer-context.js';
import { VISUALLY_HIDDEN } from '../renderer/visually-hidden.js';
import { GROUP_WIDGETS, WIDGETS, widgetTypeOf } from '../widgets/widget-for.js';
import type { LoadOptions } from '../widgets/widget-props.js';
import { lookupSource, staticOptions } from './field-sources.js';

export interface FieldControlProps {
  node: FormFieldNode;
  pointer: string;
  field: FieldDefinition;
  row: number | undefined;
  /** A cell's column help, shown once under the column header and read out with every cell of the column. */
  columnHelpId?: string;
  value: unknown;
  required: boolean;
  readOnly: boolean;
  /** The messages to show, in the current language (empty: the field is valid as far as the user is told). */
  errorMessages: readonly string[];
  locale: RendererLocale;
  messages: RendererMessages;
  disabled: boolean;
  loadOptions: LoadOptions | undefined;
  today?: string;
  /** The host's addition beside the field (a Reveal button), under its control. */
  extra?: ReactNode;
  compiled: CompiledForm;
  actions: RendererActions;
}

/** A field's label (with a required marker), widget, help and inline errors. */
function FieldControlView(props: FieldControlProps) {
  const { node, pointer, field, row, required, locale, messages, actions, compiled } = props;
  const label = localized(node.label ?? field.label, locale);
  const help = row === undefined && node.help ? localized(node.help, locale) : undefined;
  const invalid = props.errorMessages.length > 0;

  const inputId = actions.idFor(pointer);
  const labelId = actions.idFor(pointer, 'label');
  const helpId = actions.idFor(pointer, 'help');
  const errorId = actions.idFor(pointer, 'error');
  const describedBy = [help === undefined ? (props.columnHelpId ?? '') : helpId, invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;

  const widgetType = widgetTypeOf(node, field.type);
  const Widget = WIDGETS[widgetType];
  const marker = required ? (
    <span className="bf-required" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
  const labelContent = (
    <>
      {row === undefined ? label : messages.cellLabel(label, row)}
      {row === undefined && marker}
    </>
  );
  const labelStyle = row === undefined ? undefined : VISUALLY_HIDDEN;

  return (
    <div className="bf-field" data-field={field.key} data-invalid={invalid || undefined}>
      {GROUP_WIDGETS.has(widgetType) ? (
        <span id={labelId} className="bf-label" style={labelStyle}>
          {labelContent}
        </span>
      ) : (
        <label id={labelId} htmlFor={inputId} className="bf-label" style={labelStyle}>
          {labelContent}
        </label>
      )}
      <Widget
        id={inputId}
        labelId={labelId}
        value={props.value}
        onChange={(value) => actions.change(pointer, value)}
        onBlur={() => actions.touch(pointer)}
        onInputProblem={(found) => actions.reportProblem(pointer, found)}
        field={field}
        options={staticOptions(node, field)}
        lookup={
          widgetType === 'lookup' || widgetType === 'select'
            ? lookupSource(node, field, { ...compiled.related, [compiled.entity.key]: compiled.entity })
            : undefined
        }
        loadOptions={props.loadOptions}
        placeholder={isAutoNumbered(field) ? messages.assignedOnSave : node.placeholder && !props.readOnly ? localized(node.placeholder, locale) : undefined}
        today={props.today}
        locale={locale}
        messages={messages}
        required={required}
        readOnly={props.readOnly}
        disabled={props.disabled}
        invalid={invalid}
        describedBy={describedBy}
      />
      {row !== undefined && marker}
      {props.extra}
      {help !== undefined && (
        <p id={helpId} className="bf-help">
          {help}
        </p>
      )}
      <div id={errorId} className="bf-errors" aria-live="polite">
        {props.errorMessages.map((message, index) => (
          <p key={`${index}:${message}`} className="bf-error">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Equal props, or equal messages in a new array: the same drawing. */
function sameControl(before: FieldControlProps, after: FieldControlProps): boolean {
  for (const key of Object.keys(after) as Array<keyof FieldControlProps>) {
    if (key === 'errorMessages') continue;
    if (!Object.is(before[key], after[key])) return false;
  }
  const a = before.errorMessages;
  const b = after.errorMessages;
  return a.length === b.length && a.every((message, index) => message === b[index]);
}

export const FieldControl = memo(FieldControlView, sameControl);
