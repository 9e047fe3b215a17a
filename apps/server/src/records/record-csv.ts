/** A cell spreadsheets would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: CSV injection. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'object') {
    const money = value as { amount?: unknown; currency?: unknown };
    text = 'amount' in money && 'currency' in money ? `${String(money.amount)} ${String(money.currency)}` : Array.isArray(value) ? value.join(';') : JSON.stringify(value);
  } else {
    text = String(value);
  }
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
