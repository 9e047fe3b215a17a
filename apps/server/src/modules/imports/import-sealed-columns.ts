import type { SealedColumn } from '../../platform/crypto/sealed-column.js';

/** The cipher's associated data of a job's prior values: they decrypt only as that job's. */
export const priorValuesData = (jobId: string): string => `import:${jobId}`;

/** Re-encrypted by key rotation: the values an import's updates replaced, kept for its rollback. */
export const importSealedColumns: readonly SealedColumn[] = [
  { table: 'bf_import_change', column: 'prior_values', keys: ['job_id', 'record_id'], associatedData: (row) => priorValuesData(row.job_id!) },
];
