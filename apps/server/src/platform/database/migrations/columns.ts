import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Documents can outgrow MySQL's 64 KiB TEXT; SQLite's TEXT has no such limit. */
export function documentType(runner: QueryRunner): string {
  return runner.connection.options.type === 'mysql' ? 'longtext' : 'text';
}

export function timestamp(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'datetime', precision: 3, isNullable: nullable };
}
