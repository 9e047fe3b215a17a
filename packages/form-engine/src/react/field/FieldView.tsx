import type { EntityDefinition } from '../../entity/entity-definition.js';
import type { FormFieldNode } from '../../form/form-definition.js';
import { valueAt } from '../../shared/json-pointer.js';
import { localized } from '../locale/messages.js';
import { errorsAt } from '../renderer/error-paths.js';
import { useRenderer } from '../renderer/renderer-context.js';
import { VISUALLY_HIDDEN } from '../renderer/visually-hidden.js';
import { GROUP_WIDGETS, WIDGETS, widgetTypeOf } from '../widgets/widget-for.js';
import { lookupSource, staticOptions } from './field-sources.js';
import { problemMessage } from './problem-message.js';

export interface FieldViewProps {
  node: FormFieldNode;
  /** Where the value sits: `/employer`, or `/contacts/0/phone` for a cell of a repeating group. */
  pointer: string;
  /** The entity whose field the node places (a repeating group's entity for its cells). */
  entity: EntityDefinition;
  /** For a cell of a repeating group: its row number from 1. The column header is the visible label then. */
  row?: number;
}

/**
 * One placed field: its label (with a required marker), widget, help and inline errors, in the
 * state the model gives it. Hidden fields are not rendered at all.
 */
export function FieldView({ node, pointer, entity, row }: FieldViewProps) {
  const renderer = useRenderer();
  const { state, locale, messages, compiled } = renderer;
  const field = entity.fields.find((candidate) => candidate.key === node.field);
  const fieldState = state.fields[pointer];
  // A field the entity lacks is a publish error of the form; there is nothing to draw.
  if (!field || fieldState?.visible === false) return null;

  const required = fieldState?.required ?? false;
  const readOnly = (fieldState?.readonly ?? false) || node.value !== undefined;
  const label = localized(node.label ?? field.label, locale);
  const help = row === undefined && node.help ? localized(node.help, locale) : undefined;
  const problem = renderer.problems[pointer];
  const messagesShown = problem
    ? [problemMessage(problem, messages)]
    : errorsAt(renderer.shownErrors, pointer).map((error) => (locale === 'zh-CN' ? error.messageZh : error.message));
  const invalid = messagesShown.length > 0;

  const inputId = renderer.idFor(pointer);
  const labelId = renderer.idFor(pointer, 'label');
  const helpId = renderer.idFor(pointer, 'help');
  const errorId = renderer.idFor(pointer, 'error');
  const describedBy = [help === undefined ? '' : helpId, invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;

  const widgetType = widgetTypeOf(node, field.type);
  const Widget = WIDGETS[widgetType];
  const marker = required ? (
    <span className="bf-required" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
  const labelText = row === undefined ? label : messages.cellLabel(label, row);
  const labelContent = (
    <>
      {labelText}
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
        value={valueAt(state.values, pointer) ?? null}
        onChange={(value) => renderer.change(pointer, value)}
        onBlur={() => renderer.touch(pointer)}
        onInputProblem={(found) => renderer.reportProblem(pointer, found)}
        field={field}
        options={staticOptions(node, field)}
        lookup={
          widgetType === 'lookup' || widgetType === 'select'
            ? lookupSource(node, field, { ...compiled.related, [compiled.entity.key]: compiled.entity })
            : undefined
        }
        loadOptions={renderer.loadOptions}
        placeholder={node.placeholder ? localized(node.placeholder, locale) : undefined}
        locale={locale}
        messages={messages}
        required={required}
        readOnly={readOnly}
        disabled={renderer.disabled}
        invalid={invalid}
        describedBy={describedBy}
      />
      {row !== undefined && marker}
      {help !== undefined && (
        <p id={helpId} className="bf-help">
          {help}
        </p>
      )}
      <div id={errorId} className="bf-errors" aria-live="polite">
        {messagesShown.map((message) => (
          <p key={message} className="bf-error">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}
