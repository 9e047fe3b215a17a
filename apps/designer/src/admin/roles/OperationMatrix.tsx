import type { RecordOperation } from '@bankforge/client';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATIONS } from './role-edits.js';

/** One entity's row: its key, its name in the reader's language, what the row header adds (a note), a class. */
export interface OperationMatrixRow {
  key: string;
  name: string;
  note?: ReactNode;
  className?: string;
}

export interface OperationMatrixProps {
  rows: readonly OperationMatrixRow[];
  /** The control for one entity and operation: a role's scope, a key's tick. */
  cell(row: OperationMatrixRow, operation: RecordOperation): ReactNode;
  /** Headers of the columns after the operations (a role's unmasking and field rules). */
  moreColumns?: readonly string[];
  /** The row's cells under `moreColumns`, and what opens below it. */
  moreCells?(row: OperationMatrixRow): ReactNode;
  below?(row: OperationMatrixRow): ReactNode;
}

/** Entities by operations (read, create, update, delete, export): a role's grants and an API key's scope are both drawn on it. */
export function OperationMatrix({ rows, cell, moreColumns = [], moreCells, below }: OperationMatrixProps) {
  const { t } = useTranslation('admin');
  return (
    <table className="data-table matrix">
      <thead>
        <tr>
          <th scope="col">{t('roles.entity')}</th>
          {[...OPERATIONS.map((op) => t(`roles.operations.${op}`)), ...moreColumns].map((header) => (
            <th scope="col" key={header}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Fragment key={row.key}>
            <tr className={row.className}>
              <th scope="row">
                {row.name}
                {row.note}
              </th>
              {OPERATIONS.map((op) => (
                <td key={op}>{cell(row, op)}</td>
              ))}
              {moreCells?.(row)}
            </tr>
            {below?.(row)}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
