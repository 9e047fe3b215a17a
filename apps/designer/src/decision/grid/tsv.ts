/**
 * Tab-separated text as spreadsheets put it on the clipboard: cells split by tabs, rows by line
 * breaks (CRLF or LF; a final line break ends the block, it does not start an empty row). A cell
 * that starts with `"` is quoted, as Excel writes a cell holding a tab, a line break or a quote:
 * `""` inside stands for one `"`, tabs and line breaks inside belong to the cell, and text after
 * the closing quote is kept as it is. A quote that is never closed is taken literally.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  if (text === '') return rows;
  let row: string[] = [];
  let i = 0;
  const atLineBreak = (at: number) => text[at] === '\n' || (text[at] === '\r' && text[at + 1] === '\n');
  while (i <= text.length) {
    let cell = '';
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (quoted !== null) {
        cell = quoted.value;
        i = quoted.end;
      }
    }
    while (i < text.length && text[i] !== '\t' && !atLineBreak(i)) cell += text[i++];
    row.push(cell);
    if (text[i] === '\t') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= text.length) break;
    i += text[i] === '\r' ? 2 : 1;
    if (i >= text.length) break;
  }
  return rows;
}

/** A quoted cell from `start` (its opening quote): its value and where the text after the closing quote begins. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] !== '"') {
      value += text[i];
    } else if (text[i + 1] === '"') {
      value += '"';
      i++;
    } else {
      return { value, end: i + 1 };
    }
  }
  return null;
}

/** One cell as Excel writes it: quoted when it holds a tab, a line break or a quote. */
export function tsvCell(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
