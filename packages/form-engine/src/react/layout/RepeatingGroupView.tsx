import { useEffect, useRef, useState } from 'react';
import type { FormRepeatingGroup } from '../../form/form-definition.js';
import { pointer } from '@bankforge/data-model';
import { FieldView } from '../field/FieldView.js';
import { localized } from '../locale/messages.js';
import { useRenderer } from '../renderer/renderer-context.js';
import { VISUALLY_HIDDEN } from '../renderer/visually-hidden.js';

/**
 * A sub-table of related records: one row per record, the group's fields as columns (their
 * headers are the visible labels; each cell's input is labelled "<column>, row <n>"), with Add
 * row and per-row Remove row buttons kept within `minRows`..`maxRows`.
 */
export function RepeatingGroupView({ node }: { node: FormRepeatingGroup }) {
  const renderer = useRenderer();
  const addButton = useRef<HTMLButtonElement>(null);
  // Bumped when a row is removed: its button is gone, so the keyboard user is put on Add row (enabled again by then).
  const [removals, setRemovals] = useState(0);
  useEffect(() => {
    if (removals > 0) addButton.current?.focus();
  }, [removals]);
  const { state, locale, messages, compiled } = renderer;
  const entity = compiled.related[node.entity];
  // A group whose entity was not given is a compile error of the form; there is nothing to draw.
  if (!entity) return null;

  // A column hidden in every row is left out; a cell hidden in some rows only is left empty.
  const columns = node.fields.filter((cell) => state.nodes[cell.id] !== false);
  const groupPointer = pointer(node.key);
  const rowsValue = state.values[node.key];
  const rows = Array.isArray(rowsValue) ? rowsValue : [];
  const canAdd = !renderer.disabled && (node.maxRows === undefined || rows.length < node.maxRows);
  const canRemove = !renderer.disabled && rows.length > (node.minRows ?? 0);
  const captionId = renderer.actions.idFor(groupPointer, 'caption');
  const errorId = renderer.actions.idFor(groupPointer, 'error');
  const helpIdOf = (cellId: string) => renderer.actions.idFor(groupPointer, `help-${cellId}`);
  const groupErrors = renderer.shownErrors
    .filter((error) => error.path === groupPointer)
    .map((error) => (locale === 'zh-CN' ? error.messageZh : error.message));
  const columnLabel = (field: string, label: FormRepeatingGroup['fields'][number]['label']) => {
    const definition = entity.fields.find((candidate) => candidate.key === field);
    const text = label ?? definition?.label;
    return text ? localized(text, locale) : field;
  };

  return (
    <div
      className="bf-group"
      data-node={node.id}
      role="group"
      aria-labelledby={captionId}
      aria-describedby={groupErrors.length > 0 ? errorId : undefined}
    >
      <table className="bf-group-table">
        <caption id={captionId} className="bf-group-title">
          {localized(node.title, locale)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{messages.rowNumber}</th>
            {columns.map((cell) => (
              <th key={cell.id} scope="col">
                {columnLabel(cell.field, cell.label)}
                {cell.help && (
                  <span id={helpIdOf(cell.id)} className="bf-help bf-column-help">
                    {localized(cell.help, locale)}
                  </span>
                )}
              </th>
            ))}
            {!renderer.readOnly && (
              <th scope="col">
                <span style={VISUALLY_HIDDEN}>{messages.actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              <th scope="row">{index + 1}</th>
              {columns.map((cell) => (
                <td key={cell.id}>
                  <FieldView
                    node={cell}
                    pointer={pointer(node.key, index, cell.field)}
                    entity={entity}
                    row={index + 1}
                    columnHelpId={cell.help ? helpIdOf(cell.id) : undefined}
                  />
                </td>
              ))}
              {!renderer.readOnly && (
                <td>
                  <button
                    type="button"
                    className="bf-button bf-remove-row"
                    aria-label={messages.removeRowNumber(index + 1)}
                    disabled={!canRemove}
                    onClick={() => {
                      renderer.actions.removeRow(node.key, index);
                      setRemovals((n) => n + 1);
                    }}
                  >
                    {messages.removeRow}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="bf-empty">{messages.noRows}</p>}
      {!renderer.readOnly && (
        <button
          ref={addButton}
          type="button"
          className="bf-button bf-add-row"
          aria-describedby={captionId}
          disabled={!canAdd}
          onClick={() => renderer.actions.addRow(node.key)}
        >
          {messages.addRow}
        </button>
      )}
      <div id={errorId} className="bf-errors" aria-live="polite">
        {groupErrors.map((message) => (
          <p key={message} className="bf-error">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}

/** A row's React key: the record id of a saved row, else its position. */
function rowKey(row: unknown, index: number): string {
  const id = row !== null && typeof row === 'object' ? (row as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : `row-${index}`;
}
