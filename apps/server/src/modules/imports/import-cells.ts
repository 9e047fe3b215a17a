import type { FieldDefinition } from '@bankforge/data-model';
import { headerKey } from './import-mapping.js';

/** What a spreadsheet cell holds: text from CSV, or a number, boolean or date from XLSX. */
export type CellValue = string | number | boolean | Date | null;

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '真']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '假']);

/** A field's options by the texts that name them: exactly, and compared as headers are. The earlier option wins a text two share. */
interface OptionNames {
  exact: Map<string, number>;
  loose: Map<string, number>;
}

/** Built once per field version: a select column asks for every row of a file. */
const optionNamesOf = new WeakMap<FieldDefinition, OptionNames>();

function optionNames(field: FieldDefinition): OptionNames {
  let names = optionNamesOf.get(field);
  if (names) return names;
  names = { exact: new Map(), loose: new Map() };
  for (const [i, o] of (field.options ?? []).entries()) {
    if (!names.exact.has(o.value)) names.exact.set(o.value, i);
    for (const text of [o.value, o.label.en, o.label['zh-CN']]) {
      if (text === undefined) continue;
      const key = headerKey(text);
      if (!names.loose.has(key)) names.loose.set(key, i);
    }
  }
  optionNamesOf.set(field, names);
  return names;
}

/** An option named by its value or by its label in either language; anything else is left for the validator to refuse. */
function optionValue(field: FieldDefinition, text: string): string {
  const names = optionNames(field);
  const exact = names.exact.get(text);
  const loose = names.loose.get(headerKey(text));
  const index = exact === undefined ? loose : loose === undefined ? exact : Math.min(exact, loose);
  return index === undefined ? text : field.options![index]!.value;
}

/**
 * A cell as the value the records API takes for the field: the inverse of an export's cell
 * (`100.00 CNY` money, `a;b` options, 是/否 booleans). What cannot be read is passed on as text,
 * so the entity's validators refuse it with the same codes and messages as the API does.
 */
export function cellToValue(field: FieldDefinition, cell: CellValue): unknown {
  if (cell === null) return null;
  if (cell instanceof Date) return field.type === 'date' ? cell.toISOString().slice(0, 10) : cell.toISOString();
  if (typeof cell === 'boolean') return field.type === 'boolean' ? cell : String(cell);
  if (typeof cell === 'number') {
    if (field.type === 'integer' || field.type === 'boolean') return field.type === 'boolean' ? cell !== 0 : cell;
    return String(cell);
  }
  const text = cell.trim();
  if (text === '') return null;
  switch (field.type) {
    case 'boolean': {
      const key = text.toLowerCase();
      return TRUE.has(key) ? true : FALSE.has(key) ? false : text;
    }
    case 'money': {
      // `100.00 CNY`, `CNY 100.00` or a bare amount in the field's currency.
      const parts = text.split(/\s+/);
      const amount = parts.find((p) => /^[+-]?[\d,]*\.?\d+$/.test(p));
      const currency = parts.find((p) => /^[A-Za-z]{3}$/.test(p)) ?? (field.currencies?.length === 1 ? field.currencies[0] : undefined);
      return amount === undefined ? text : { amount: amount.replace(/,/g, ''), ...(currency ? { currency } : {}) };
    }
    case 'singleSelect':
      return optionValue(field, text);
    case 'multiSelect':
      return text.split(/[;；]/).map((part) => part.trim()).filter((part) => part !== '').map((part) => optionValue(field, part));
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}
