import type { DecisionTable } from '@bankforge/rule-engine';
import { columnAt } from './table-columns.js';
import { insertRule, setCell } from './table-edits.js';

export interface PasteResult {
  table: DecisionTable;
  /** The rules and columns the block filled (columns past the table's last are left out). */
  rules: number;
  columns: number;
  /** Rules added at the end to hold the block. */
  added: number;
}

/**
 * Pastes a block of cells (rows × columns, as `parseTsv` reads a spreadsheet's clipboard) with its
 * top-left cell at `rule` and grid `column`: each row fills a rule, new rules are added at the end
 * when the block is taller than what is left; cells past the last column are dropped.
 */
export function pasteBlock(table: DecisionTable, rule: number, column: number, block: readonly (readonly string[])[]): PasteResult {
  const width = Math.max(0, ...block.map((cells) => cells.length));
  let columns = 0;
  while (columns < width && columnAt(table, column + columns) !== undefined) columns++;
  if (block.length === 0 || columns === 0) return { table, rules: 0, columns: 0, added: 0 };
  let next = table;
  const added = Math.max(0, rule + block.length - table.rules.length);
  for (let i = 0; i < added; i++) next = insertRule(next, next.rules.length);
  block.forEach((cells, r) => {
    for (let c = 0; c < columns; c++) {
      const text = cells[c];
      if (text !== undefined) next = setCell(next, rule + r, columnAt(table, column + c)!, text);
    }
  });
  return { table: next, rules: block.length, columns, added };
}
