/**
 * Auto-numbering patterns: `LA{yyyyMM}{seq:6}` reads "LA, the creation date's year and month,
 * then a sequence of six digits that starts again at 1 each month". Literal text, the date parts
 * `yyyy`, `yy`, `MM` and `dd` of the creation date in the bank's time zone, and exactly one
 * `{seq:N}`. The sequence restarts each period the date parts name (a day, a month, a year; never
 * without date parts). Pure: the date and the sequence number are passed in.
 */

/** Why a numbering pattern cannot be used, in English and Chinese. */
export interface NumberingProblem {
  en: string;
  zh: string;
}

export type DateToken = 'yyyy' | 'yy' | 'MM' | 'dd';

export type NumberingPart =
  | { kind: 'text'; text: string }
  | { kind: 'date'; token: DateToken }
  | { kind: 'sequence'; width: number };

/** How often the sequence starts again at 1. */
export type NumberingPeriod = 'never' | 'year' | 'month' | 'day';

export interface Numbering {
  parts: readonly NumberingPart[];
  period: NumberingPeriod;
  /** The sequence's width in digits. */
  width: number;
  /** How many characters every number has. */
  length: number;
}

/** A calendar day in the bank's time zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Numbers are stored in a column of this many characters; a pattern that yields more is refused. */
export const MAX_NUMBER_LENGTH = 64;
export const MAX_SEQUENCE_WIDTH = 12;

const TOKEN_LENGTH: Readonly<Record<DateToken, number>> = { yyyy: 4, yy: 2, MM: 2, dd: 2 };
const DATE_TOKEN = /^(yyyy|yy|MM|dd)/;
const SEQUENCE = /^seq:(\d{1,2})$/;
// Control characters would be invisible in lists and exports.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

class Refusal extends Error {
  constructor(readonly problem: NumberingProblem) {
    super(problem.en);
  }
}

const refuse = (en: string, zh: string): never => {
  throw new Refusal({ en, zh });
};

function dateTokens(inside: string): NumberingPart[] {
  const parts: NumberingPart[] = [];
  let rest = inside;
  while (rest.length > 0) {
    const match = DATE_TOKEN.exec(rest);
    if (match === null) {
      refuse(
        `{${inside}} is neither date parts (yyyy, yy, MM, dd) nor a sequence ({seq:6})`,
        `{${inside}} 既不是日期部分（yyyy、yy、MM、dd），也不是序号（{seq:6}）`,
      );
    }
    parts.push({ kind: 'date', token: match![1] as DateToken });
    rest = rest.slice(match![0].length);
  }
  return parts;
}

function partsOf(pattern: string): NumberingPart[] {
  const parts: NumberingPart[] = [];
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    const close = pattern.indexOf('}', i);
    if (close !== -1 && (open === -1 || close < open)) refuse('a } has no { before it', '“}” 之前缺少对应的 “{”');
    if (open === -1) {
      parts.push({ kind: 'text', text: pattern.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: 'text', text: pattern.slice(i, open) });
    const end = pattern.indexOf('}', open);
    if (end === -1) refuse('a { is not closed by }', '“{” 缺少对应的 “}”');
    const inside = pattern.slice(open + 1, end);
    if (inside.includes('{')) refuse('a { is not closed by }', '“{” 缺少对应的 “}”');
    const sequence = SEQUENCE.exec(inside);
    if (sequence !== null) parts.push({ kind: 'sequence', width: Number(sequence[1]) });
    else if (inside.startsWith('seq')) refuse(`{${inside}}: write the sequence as {seq:N}, N its number of digits`, `{${inside}}：序号应写作 {seq:N}，N 为位数`);
    else parts.push(...dateTokens(inside));
    i = end + 1;
  }
  return parts;
}

function periodOf(tokens: ReadonlySet<DateToken>): NumberingPeriod {
  const year = tokens.has('yyyy') || tokens.has('yy');
  if (tokens.has('MM') && !year) {
    refuse('MM without a year (yyyy or yy) would give the same numbers every year', '有 MM 而没有年份（yyyy 或 yy），每年会产生相同的编号');
  }
  if (tokens.has('dd') && !tokens.has('MM')) {
    refuse('dd without a month (MM) would give the same numbers every month', '有 dd 而没有月份（MM），每月会产生相同的编号');
  }
  if (tokens.has('dd')) return 'day';
  if (tokens.has('MM')) return 'month';
  return year ? 'year' : 'never';
}

/** Reads a numbering pattern; throws a Refusal saying why it cannot be used. */
function read(pattern: string): Numbering {
  if (pattern.trim() === '') refuse('the pattern is empty', '编号规则为空');
  if (CONTROL.test(pattern)) refuse('the pattern contains a control character', '编号规则包含控制字符');
  const parts = partsOf(pattern);
  const sequences = parts.filter((p): p is Extract<NumberingPart, { kind: 'sequence' }> => p.kind === 'sequence');
  if (sequences.length === 0) refuse('the pattern needs one sequence part, such as {seq:6}', '编号规则需要一个序号部分，例如 {seq:6}');
  if (sequences.length > 1) refuse('the pattern may have only one sequence part', '编号规则只能有一个序号部分');
  const width = sequences[0]!.width;
  if (width < 1 || width > MAX_SEQUENCE_WIDTH) {
    refuse(`the sequence has 1 to ${MAX_SEQUENCE_WIDTH} digits`, `序号位数应为 1 到 ${MAX_SEQUENCE_WIDTH}`);
  }
  const tokens = new Set<DateToken>();
  for (const part of parts) {
    if (part.kind !== 'date') continue;
    if (tokens.has(part.token)) refuse(`${part.token} appears twice`, `${part.token} 出现了两次`);
    tokens.add(part.token);
  }
  if (tokens.has('yyyy') && tokens.has('yy')) refuse('use either yyyy or yy, not both', 'yyyy 与 yy 只能用其一');
  const period = periodOf(tokens);
  const length = parts.reduce((sum, part) => sum + (part.kind === 'text' ? [...part.text].length : part.kind === 'date' ? TOKEN_LENGTH[part.token] : part.width), 0);
  if (length > MAX_NUMBER_LENGTH) {
    refuse(`its numbers would have ${length} characters; at most ${MAX_NUMBER_LENGTH} fit`, `生成的编号有 ${length} 个字符，最多 ${MAX_NUMBER_LENGTH} 个`);
  }
  return { parts, period, width, length };
}

/** Why the numbering pattern cannot be used, or null when it can. */
export function numberingProblem(pattern: string): NumberingProblem | null {
  try {
    read(pattern);
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

/** The pattern read into its parts; throws a RangeError for a pattern `numberingProblem` refuses. */
export function parseNumbering(pattern: string): Numbering {
  try {
    return read(pattern);
  } catch (error) {
    if (error instanceof Refusal) throw new RangeError(`The numbering pattern ${JSON.stringify(pattern)} cannot be used: ${error.problem.en}`, { cause: error });
    throw error;
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The period a number created on `date` counts in: `''` (never restarts), `2026`, `202607` or
 * `20260705`. Two numbers of one field and period never share a sequence number.
 */
export function numberingPeriod(numbering: Numbering, date: LocalDate): string {
  switch (numbering.period) {
    case 'never':
      return '';
    case 'year':
      return pad(date.year, 4);
    case 'month':
      return pad(date.year, 4) + pad(date.month, 2);
    case 'day':
      return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2);
  }
}

/** The largest sequence number the pattern's width holds (999999 for {seq:6}). */
export function maxSequence(numbering: Numbering): number {
  return 10 ** numbering.width - 1;
}

/** The number for sequence `sequence` (from 1) created on `date`; a RangeError past `maxSequence`. */
export function formatNumber(numbering: Numbering, date: LocalDate, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > maxSequence(numbering)) {
    throw new RangeError(`sequence ${sequence} does not fit ${numbering.width} digits`);
  }
  return numbering.parts
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'sequence') return pad(sequence, part.width);
      switch (part.token) {
        case 'yyyy':
          return pad(date.year, 4);
        case 'yy':
          return pad(date.year % 100, 2);
        case 'MM':
          return pad(date.month, 2);
        case 'dd':
          return pad(date.day, 2);
      }
    })
    .join('');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The period and sequence number a number of this pattern carries (`LA202607000123` → `202607`,
 * 123), or undefined when the text does not have the pattern's shape. A number brought in from
 * elsewhere (an import) moves its period's counter past it, so the next number given is new.
 * A two-digit year is read as 20yy.
 */
export function readNumber(numbering: Numbering, text: string): { period: string; sequence: number } | undefined {
  const source = numbering.parts
    .map((part) => (part.kind === 'text' ? escapeRegExp(part.text) : part.kind === 'sequence' ? `(\\d{${part.width}})` : `(\\d{${TOKEN_LENGTH[part.token]}})`))
    .join('');
  const match = new RegExp(`^${source}$`, 'u').exec(text);
  if (match === null) return undefined;
  const date: Record<string, number> = { year: 0, month: 1, day: 1 };
  let sequence = 0;
  let group = 1;
  for (const part of numbering.parts) {
    if (part.kind === 'text') continue;
    const value = Number(match[group++]);
    if (part.kind === 'sequence') sequence = value;
    else if (part.token === 'yyyy') date.year = value;
    else if (part.token === 'yy') date.year = 2000 + value;
    else if (part.token === 'MM') date.month = value;
    else date.day = value;
  }
  if (sequence < 1) return undefined;
  return { period: numberingPeriod(numbering, { year: date.year!, month: date.month!, day: date.day! }), sequence };
}

/** The calendar day of an instant (ISO 8601 or a Date) in an IANA time zone, e.g. `Asia/Shanghai`. */
export function localDateOf(instant: string | Date, timeZone: string): LocalDate {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`localDateOf: not an instant: ${String(instant)}`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/**
 * Whether the server gives the field its value when a record is created: never required of the
 * writer, shown read-only in forms ("assigned on save").
 */
export function isAutoNumbered(field: { type: string }): boolean {
  return field.type === 'autoNumber';
}
