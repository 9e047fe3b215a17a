import type { FieldDefinition } from '@bankforge/data-model';
import type { ProblemFieldError } from '../../platform/problem/problem-error.js';
import { columnsOf, SYSTEM_COLUMNS, type PhysicalColumn } from './physical-schema.js';

/**
 * The most fields an entity may have. A field takes at most two columns (money, encrypted
 * fields), so 500 fields and the 8 system columns make at most 1,008 columns: under InnoDB's
 * 1,017 columns per table (MySQL and MariaDB), and SQLite's 2,000. Column count is not the only
 * limit, so `entityLimitProblems` checks the row size too.
 */
export const MAX_ENTITY_FIELDS = 500;

/** MySQL's limit on a row's declared size, every column counted at its largest but TEXT types as a pointer. */
export const MYSQL_ROW_BYTES = 65_535;
/** InnoDB's limit on the part of a row kept in its 16 KB page (half a page). */
export const INNODB_INLINE_ROW_BYTES = 8_126;
/** Record header and bookkeeping InnoDB adds to every row, rounded up so the estimate errs on the safe side. */
const INNODB_ROW_OVERHEAD = 30;
/** A column longer than 255 bytes may be kept off the page: only a 20-byte pointer and its length stay. */
const INNODB_OFF_PAGE_BYTES = 21;
/** Tables use utf8mb4: four bytes a character at most. */
const BYTES_PER_CHAR = 4;

/** DECIMAL(p, s) stores each nine digits in four bytes, and the remaining ones in fewer. */
function decimalBytes(precision: number, scale: number): number {
  const leftover = [0, 1, 1, 2, 2, 3, 3, 4, 4, 4];
  const digits = (n: number) => Math.floor(Math.max(0, n) / 9) * 4 + leftover[Math.max(0, n) % 9]!;
  return digits(precision - scale) + digits(scale);
}

/** The bytes a column of this MySQL type takes: declared (for the 65,535 limit) and in the page (for InnoDB's). */
function mysqlColumnBytes(column: PhysicalColumn): { declared: number; inline: number } {
  const type = column.mysql.replace(/\s+NOT NULL$/i, '').toUpperCase();
  const text = /^(VAR)?CHAR\((\d+)\)$/.exec(type);
  if (text) {
    const bytes = Number(text[2]) * BYTES_PER_CHAR;
    const length = text[1] ? (bytes > 255 ? 2 : 1) : 0;
    return { declared: bytes + length, inline: bytes > 255 ? INNODB_OFF_PAGE_BYTES : bytes + 1 };
  }
  if (/^(TINY|MEDIUM|LONG)?TEXT$/.test(type)) return { declared: 12, inline: INNODB_OFF_PAGE_BYTES };
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(type);
  if (decimal) {
    const bytes = decimalBytes(Number(decimal[1]), Number(decimal[2]));
    return { declared: bytes, inline: bytes };
  }
  const fixed: Record<string, number> = { 'TINYINT(1)': 1, INT: 4, BIGINT: 8, DATE: 3, 'DATETIME(3)': 7 };
  const bytes = fixed[type];
  if (bytes === undefined) throw new RangeError(`No row size known for the MySQL type ${column.mysql}`);
  return { declared: bytes, inline: bytes };
}

/** The estimated size of an entity's row on MySQL, both ways InnoDB counts it. */
export function mysqlRowSize(fields: readonly FieldDefinition[]): { declared: number; inline: number } {
  const columns = [...SYSTEM_COLUMNS, ...fields.flatMap(columnsOf)];
  const nullBitmap = Math.ceil(columns.length / 8);
  let declared = nullBitmap;
  let inline = nullBitmap + INNODB_ROW_OVERHEAD;
  for (const column of columns) {
    const bytes = mysqlColumnBytes(column);
    declared += bytes.declared;
    inline += bytes.inline;
  }
  return { declared, inline };
}

/**
 * What keeps an entity from fitting a table on every database BankForge runs on: more than
 * MAX_ENTITY_FIELDS fields (`tooManyFields`), or a row larger than MySQL accepts (`rowTooLarge`).
 * Checked on both databases alike, so an app that publishes on SQLite publishes on MySQL too.
 * Expects a document that passed the entity schema's shape checks for its fields.
 */
export function entityLimitProblems(document: unknown): ProblemFieldError[] {
  const fields = (document as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return [];
  if (fields.length > MAX_ENTITY_FIELDS) {
    return [
      {
        path: '/fields',
        code: 'tooManyFields',
        message: `An entity may have at most ${MAX_ENTITY_FIELDS} fields; this one has ${fields.length}. Split it into related entities.`,
        messageZh: `一个实体最多 ${MAX_ENTITY_FIELDS} 个字段，此实体有 ${fields.length} 个。请拆分为相关实体。`,
      },
    ];
  }
  let size: { declared: number; inline: number };
  try {
    size = mysqlRowSize(fields as FieldDefinition[]);
  } catch {
    return []; // a field the schema refuses anyway (unknown type): its own error says so
  }
  if (size.declared <= MYSQL_ROW_BYTES && size.inline <= INNODB_INLINE_ROW_BYTES) return [];
  const mysqlLimit = size.declared > MYSQL_ROW_BYTES;
  const [bytes, limit] = mysqlLimit ? [size.declared, MYSQL_ROW_BYTES] : [size.inline, INNODB_INLINE_ROW_BYTES];
  return [
    {
      path: '/fields',
      code: 'rowTooLarge',
      message: `These fields would take about ${bytes} bytes of a row, over the ${limit} ${mysqlLimit ? 'MySQL allows a row' : "InnoDB keeps in a row's page"}. Make long texts long text fields, shorten maxLength, or split the entity.`,
      messageZh: `这些字段每行约占 ${bytes} 字节，超出 ${mysqlLimit ? 'MySQL 每行' : 'InnoDB 行内'} ${limit} 字节的限制。请把长文本改为长文本字段、缩短最大长度，或拆分实体。`,
    },
  ];
}
