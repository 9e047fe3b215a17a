/**
 * A column the field cipher seals outside the records' own fields (a connector's secret, a webhook's
 * signing secret, an import's prior values): key rotation re-encrypts it like a record field.
 */
export interface SealedColumn {
  table: string;
  column: string;
  /** The row's primary key columns: one row is rewritten at a time. */
  keys: readonly string[];
  /** The cipher's associated data of a row, from its key columns. */
  associatedData(row: Readonly<Record<string, string>>): string;
}
