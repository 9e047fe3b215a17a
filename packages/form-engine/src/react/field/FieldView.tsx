import type { EntityDefinition } from '@bankforge/data-model';
import type { FormFieldNode } from '../../form/form-definition.js';
import { valueAt } from '@bankforge/data-model';
import { errorsAt } from '../renderer/error-paths.js';
import { useRenderer } from '../renderer/renderer-context.js';
import { FieldControl } from './FieldControl.js';
import { problemMessage } from './problem-message.js';

export interface FieldViewProps {
  node: FormFieldNode;
  /** Where the value sits: `/employer`, or `/contacts/0/phone` for a cell of a repeating group. */
  pointer: string;
  /** The entity whose field the node places (a repeating group's entity for its cells). */
  entity: EntityDefinition;
  /** For a cell of a repeating group: its row number from 1. The column header is the visible label then. */
  row?: number;
  /** For a cell: the id of its column's help under the header, if the column has help. */
  columnHelpId?: string;
}

/**
 * One placed field in the state the model gives it: hidden fields are not rendered at all. Picks
 * out the field's value, state and messages, so that the drawing (`FieldControl`) re-renders only
 * when one of those changes, not on every keystroke elsewhere in the form.
 */
export function FieldView({ node, pointer, entity, row, columnHelpId }: FieldViewProps) {
  const renderer = useRenderer();
  const { state, locale, messages } = renderer;
  const field = entity.fields.find((candidate) => candidate.key === node.field);
  const fieldState = state.fields[pointer];
  // A field the entity lacks is a publish error of the form; there is nothing to draw.
  if (!field || fieldState?.visible === false) return null;

  const problem = renderer.problems[pointer];
  const errorMessages = problem
    ? [problemMessage(problem, messages)]
    : errorsAt(renderer.shownErrors, pointer).map((error) => (locale === 'zh-CN' ? error.messageZh : error.message));

  return (
    <FieldControl
      node={node}
      pointer={pointer}
      field={field}
      row={row}
      columnHelpId={columnHelpId}
      value={valueAt(state.values, pointer) ?? null}
      required={fieldState?.required ?? false}
      readOnly={renderer.readOnly || (fieldState?.readonly ?? false) || node.value !== undefined}
      errorMessages={errorMessages}
      locale={locale}
      messages={messages}
      disabled={renderer.disabled}
      loadOptions={renderer.loadOptions}
      today={renderer.today}
      extra={row === undefined ? renderer.fieldExtra?.(node.field) : undefined}
      compiled={renderer.compiled}
      actions={renderer.actions}
    />
  );
}
