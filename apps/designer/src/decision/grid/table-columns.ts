/**
 * How the grid lays a decision table out: input columns, then output columns, then annotation
 * columns, addressed either by their part and index in it or by their place in the grid (0-based).
 */
import type { DecisionTable, DecisionTableRule } from '@bankforge/rule-engine';

export type ColumnPart = 'input' | 'output' | 'annotation';

export interface ColumnRef {
  part: ColumnPart;
  /** The column's index within its part. */
  index: number;
}

/** The grid's columns, in the order it shows them. */
export function gridColumns(table: DecisionTable): ColumnRef[] {
  return [
    ...table.inputs.map((_, index): ColumnRef => ({ part: 'input', index })),
    ...table.outputs.map((_, index): ColumnRef => ({ part: 'output', index })),
    ...(table.annotations ?? []).map((_, index): ColumnRef => ({ part: 'annotation', index })),
  ];
}

export function columnCount(table: DecisionTable): number {
  return table.inputs.length + table.outputs.length + (table.annotations?.length ?? 0);
}

/** The column at a place in the grid, or undefined past the last one. */
export function columnAt(table: DecisionTable, column: number): ColumnRef | undefined {
  if (column < 0) return undefined;
  if (column < table.inputs.length) return { part: 'input', index: column };
  const output = column - table.inputs.length;
  if (output < table.outputs.length) return { part: 'output', index: output };
  const annotation = output - table.outputs.length;
  return annotation < (table.annotations?.length ?? 0) ? { part: 'annotation', index: annotation } : undefined;
}

/** The place in the grid of a column. */
export function gridColumnOf(table: DecisionTable, ref: ColumnRef): number {
  if (ref.part === 'input') return ref.index;
  if (ref.part === 'output') return table.inputs.length + ref.index;
  return table.inputs.length + table.outputs.length + ref.index;
}

/** Which list of a rule holds a part's cells. */
export function entriesKey(part: ColumnPart): 'inputEntries' | 'outputEntries' | 'annotations' {
  return part === 'input' ? 'inputEntries' : part === 'output' ? 'outputEntries' : 'annotations';
}

/** A cell's text as stored; a missing cell reads as what a new one holds. */
export function cellText(rule: DecisionTableRule, ref: ColumnRef): string {
  return rule[entriesKey(ref.part)]?.[ref.index] ?? emptyEntry(ref.part);
}

/** What an empty cell holds: `-` (any value) for an input, nothing for an output or annotation. */
export function emptyEntry(part: ColumnPart): string {
  return part === 'input' ? '-' : '';
}

/** A column's title in the grid: its label, else its expression (input) or name (output, annotation). */
export function columnTitle(table: DecisionTable, ref: ColumnRef): string {
  if (ref.part === 'input') {
    const input = table.inputs[ref.index]!;
    return input.label || input.expression;
  }
  if (ref.part === 'output') {
    const output = table.outputs[ref.index]!;
    return output.label || output.name || '';
  }
  return table.annotations?.[ref.index] ?? '';
}
