/**
 * The decision table's column operations: input, output and annotation columns inserted, changed,
 * moved and deleted together with the matching cell of every rule. Each returns a new table, or
 * the same one when nothing changes.
 */
import type { DecisionTable, DecisionTableInput, DecisionTableOutput, DecisionTableRule } from '@bankforge/rule-engine';
import { emptyEntry, entriesKey, type ColumnPart } from '../grid/table-columns.js';

function insertAt<T>(items: readonly T[], at: number, item: T): T[] {
  const index = Math.max(0, Math.min(at, items.length));
  return [...items.slice(0, index), item, ...items.slice(index)];
}

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const rest = items.filter((_, i) => i !== from);
  return [...rest.slice(0, to), items[from]!, ...rest.slice(to)];
}

/** Every rule's cells of one part, changed by `change` (given the cells padded to the part's width). */
function mapCells(table: DecisionTable, part: ColumnPart, width: number, change: (cells: string[]) => string[]): DecisionTableRule[] {
  const key = entriesKey(part);
  return table.rules.map((rule) => {
    const cells = Array.from({ length: width }, (_, i) => rule[key]?.[i] ?? emptyEntry(part));
    return { ...rule, [key]: change(cells) };
  });
}

function partWidth(table: DecisionTable, part: ColumnPart): number {
  return part === 'input' ? table.inputs.length : part === 'output' ? table.outputs.length : (table.annotations?.length ?? 0);
}

function insertCells(table: DecisionTable, part: ColumnPart, at: number): DecisionTableRule[] {
  return mapCells(table, part, partWidth(table, part), (cells) => insertAt(cells, at, emptyEntry(part)));
}

function deleteCells(table: DecisionTable, part: ColumnPart, index: number): DecisionTableRule[] {
  return mapCells(table, part, partWidth(table, part), (cells) => cells.filter((_, i) => i !== index));
}

function moveCells(table: DecisionTable, part: ColumnPart, from: number, to: number): DecisionTableRule[] {
  return mapCells(table, part, partWidth(table, part), (cells) => moveItem(cells, from, to));
}

// ---- inputs -----------------------------------------------------------------------------------

/** Inserts an input column at `at` (clamped); every rule gets `-` (any value) in it. */
export function insertInput(table: DecisionTable, at: number, input: DecisionTableInput): DecisionTable {
  return { ...table, inputs: insertAt(table.inputs, at, input), rules: insertCells(table, 'input', at) };
}

/** Changes an input column's properties; `undefined` in the change removes a property. */
export function updateInput(table: DecisionTable, index: number, change: Partial<DecisionTableInput>): DecisionTable {
  const input = table.inputs[index];
  if (input === undefined) return table;
  const inputs = table.inputs.map((item, i) => (i === index ? withoutEmpty({ ...item, ...change }) : item));
  return { ...table, inputs };
}

export function deleteInput(table: DecisionTable, index: number): DecisionTable {
  if (table.inputs[index] === undefined) return table;
  return { ...table, inputs: table.inputs.filter((_, i) => i !== index), rules: deleteCells(table, 'input', index) };
}

export function moveInput(table: DecisionTable, from: number, to: number): DecisionTable {
  const target = Math.max(0, Math.min(to, table.inputs.length - 1));
  if (table.inputs[from] === undefined || target === from) return table;
  return { ...table, inputs: moveItem(table.inputs, from, target), rules: moveCells(table, 'input', from, target) };
}

// ---- outputs ----------------------------------------------------------------------------------

/** A name no output of the table has: `output_<n>`. */
function freshOutputName(outputs: readonly DecisionTableOutput[]): string {
  const taken = new Set(outputs.map((o) => o.name));
  let n = 1;
  while (taken.has(`output_${n}`)) n++;
  return `output_${n}`;
}

/**
 * A table with several outputs answers a context keyed by their names, so each needs one: outputs
 * without a name get a fresh one.
 */
function namedOutputs(outputs: readonly DecisionTableOutput[]): DecisionTableOutput[] {
  if (outputs.length < 2) return [...outputs];
  const named: DecisionTableOutput[] = [];
  for (const [i, output] of outputs.entries()) {
    named.push(output.name ? output : { ...output, name: freshOutputName([...named, ...outputs.slice(i + 1)]) });
  }
  return named;
}

/** Inserts an output column at `at` (clamped); every rule gets an empty cell in it. */
export function insertOutput(table: DecisionTable, at: number, output: DecisionTableOutput = {}): DecisionTable {
  return { ...table, outputs: namedOutputs(insertAt(table.outputs, at, output)), rules: insertCells(table, 'output', at) };
}

/** Changes an output column's properties; `undefined` or empty text in the change removes a property. */
export function updateOutput(table: DecisionTable, index: number, change: Partial<DecisionTableOutput>): DecisionTable {
  if (table.outputs[index] === undefined) return table;
  return { ...table, outputs: table.outputs.map((item, i) => (i === index ? withoutEmpty({ ...item, ...change }) : item)) };
}

/** Deletes an output column; a table keeps at least one (it must decide something). */
export function deleteOutput(table: DecisionTable, index: number): DecisionTable {
  if (table.outputs[index] === undefined || table.outputs.length === 1) return table;
  return { ...table, outputs: table.outputs.filter((_, i) => i !== index), rules: deleteCells(table, 'output', index) };
}

export function moveOutput(table: DecisionTable, from: number, to: number): DecisionTable {
  const target = Math.max(0, Math.min(to, table.outputs.length - 1));
  if (table.outputs[from] === undefined || target === from) return table;
  return { ...table, outputs: moveItem(table.outputs, from, target), rules: moveCells(table, 'output', from, target) };
}

// ---- annotations ------------------------------------------------------------------------------

/** Inserts an annotation column (free text beside the rules, e.g. the reason a rule exists). */
export function insertAnnotation(table: DecisionTable, at: number, name: string): DecisionTable {
  return { ...table, annotations: insertAt(table.annotations ?? [], at, name), rules: insertCells(table, 'annotation', at) };
}

export function renameAnnotation(table: DecisionTable, index: number, name: string): DecisionTable {
  const names = table.annotations ?? [];
  if (names[index] === undefined || names[index] === name) return table;
  return { ...table, annotations: names.map((n, i) => (i === index ? name : n)) };
}

/** Deletes an annotation column; the last one takes the annotations away from the table and its rules. */
export function deleteAnnotation(table: DecisionTable, index: number): DecisionTable {
  const names = table.annotations ?? [];
  if (names[index] === undefined) return table;
  if (names.length === 1) {
    const { annotations: _names, ...rest } = table;
    return { ...rest, rules: table.rules.map(({ annotations: _cells, ...rule }) => rule) };
  }
  return { ...table, annotations: names.filter((_, i) => i !== index), rules: deleteCells(table, 'annotation', index) };
}

export function moveAnnotation(table: DecisionTable, from: number, to: number): DecisionTable {
  const names = table.annotations ?? [];
  const target = Math.max(0, Math.min(to, names.length - 1));
  if (names[from] === undefined || target === from) return table;
  return { ...table, annotations: moveItem(names, from, target), rules: moveCells(table, 'annotation', from, target) };
}

// ---- any part ---------------------------------------------------------------------------------

/** Deletes the column of any part. */
export function deleteColumn(table: DecisionTable, part: ColumnPart, index: number): DecisionTable {
  return part === 'input' ? deleteInput(table, index) : part === 'output' ? deleteOutput(table, index) : deleteAnnotation(table, index);
}

/** Moves a column within its part (inputs stay before outputs, outputs before annotations). */
export function moveColumn(table: DecisionTable, part: ColumnPart, from: number, to: number): DecisionTable {
  return part === 'input' ? moveInput(table, from, to) : part === 'output' ? moveOutput(table, from, to) : moveAnnotation(table, from, to);
}

/** Optional text properties left empty are left out, as the DMN model has them absent. */
function withoutEmpty<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([key, value]) => value !== undefined && (value !== '' || key === 'expression'))) as T;
}
