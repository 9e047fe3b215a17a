/**
 * The column commands of the toolbar, at the cursor's column: a new column goes right after the
 * cursor's when it is of the same part (else at the end of its part), and the cursor goes with
 * the column it added or moved.
 */
import type { DecisionArtifact, DecisionTable, DecisionTableInput } from '@bankforge/rule-engine';
import { clampCursor, type Cursor } from '../grid/cursor.js';
import { columnAt, columnCount, gridColumnOf, type ColumnPart } from '../grid/table-columns.js';
import { deleteColumn, insertAnnotation, insertInput, insertOutput, moveColumn } from './column-edits.js';

export type ColumnCommand = 'addInput' | 'addOutput' | 'addAnnotation' | 'moveLeft' | 'moveRight' | 'delete';

/** What a new column starts with: an input's expression, an annotation column's name. */
export interface NewColumns {
  input: DecisionTableInput;
  annotation: string;
}

/** A new input column tests the first input data no column tests yet (or nothing, to be written). */
export function newInputColumn(artifact: DecisionArtifact, table: DecisionTable): DecisionTableInput {
  const tested = new Set(table.inputs.map((input) => input.expression.trim()));
  const data = (artifact.inputData ?? []).find((d) => d.import === undefined && !tested.has(d.name));
  return data === undefined ? { expression: '' } : { expression: data.name, ...(data.typeRef ? { typeRef: data.typeRef } : {}) };
}

function partLength(table: DecisionTable, part: ColumnPart): number {
  return part === 'input' ? table.inputs.length : part === 'output' ? table.outputs.length : (table.annotations?.length ?? 0);
}

export function canApplyColumnCommand(table: DecisionTable, cursor: Cursor, command: ColumnCommand): boolean {
  const ref = columnAt(table, cursor.column);
  switch (command) {
    case 'addInput':
    case 'addOutput':
    case 'addAnnotation':
      return true;
    case 'moveLeft':
      return ref !== undefined && ref.index > 0;
    case 'moveRight':
      return ref !== undefined && ref.index < partLength(table, ref.part) - 1;
    case 'delete':
      return ref !== undefined && !(ref.part === 'output' && table.outputs.length === 1);
  }
}

export function applyColumnCommand(table: DecisionTable, cursor: Cursor, command: ColumnCommand, fresh: NewColumns): { table: DecisionTable; cursor: Cursor } {
  if (!canApplyColumnCommand(table, cursor, command)) return { table, cursor };
  const ref = columnAt(table, cursor.column);
  const at = (next: DecisionTable, part: ColumnPart, index: number) => ({
    table: next,
    cursor: clampCursor({ row: cursor.row, column: gridColumnOf(next, { part, index }) }, { rules: next.rules.length, columns: columnCount(next) }),
  });
  const insertIndex = (part: ColumnPart) => (ref?.part === part ? ref.index + 1 : partLength(table, part));
  switch (command) {
    case 'addInput':
      return at(insertInput(table, insertIndex('input'), fresh.input), 'input', insertIndex('input'));
    case 'addOutput':
      return at(insertOutput(table, insertIndex('output')), 'output', insertIndex('output'));
    case 'addAnnotation':
      return at(insertAnnotation(table, insertIndex('annotation'), fresh.annotation), 'annotation', insertIndex('annotation'));
    case 'moveLeft':
      return at(moveColumn(table, ref!.part, ref!.index, ref!.index - 1), ref!.part, ref!.index - 1);
    case 'moveRight':
      return at(moveColumn(table, ref!.part, ref!.index, ref!.index + 1), ref!.part, ref!.index + 1);
    case 'delete': {
      const next = deleteColumn(table, ref!.part, ref!.index);
      return { table: next, cursor: clampCursor(cursor, { rules: next.rules.length, columns: columnCount(next) }) };
    }
  }
}
