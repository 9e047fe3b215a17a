import { parentPort, workerData } from 'node:worker_threads';
import { compileForm } from '@bankforge/form-engine';
import { FieldCipher } from '../../../platform/crypto/field-cipher.js';
import { ProblemError } from '../../../platform/problem/problem-error.js';
import { EntityAccess } from '../../access/access-profile.js';
import { EntityModel } from '../../metadata/entity-model.js';
import { prepareImportCreate, type ImportCreateChecks } from '../../records/import-create.js';
import { RecordView } from '../../records/record-view.js';
import { readRows } from '../import-file.js';
import { columnPlan, importRow } from '../import-rows.js';
import { problemShape, type PostedRow, type PreparationAnswer, type RowPreparationPlan } from './row-preparation-plan.js';

/**
 * An import run's rows read and prepared off the server's main thread: parsed, mapped to fields
 * and, when the run creates, checked and encrypted. It prepares one batch per "next" it is sent,
 * so the main thread writes a batch while this prepares the following one, and no more is read.
 */
const plan = workerData as RowPreparationPlan;
const port = parentPort!;
const model = new EntityModel(plan.entity.definition, plan.entity.version);
const columns = columnPlan(model, plan.columns, plan.matchField);
const checks: ImportCreateChecks | undefined = plan.create && {
  view: new RecordView(model, EntityAccess.fromSnapshot(plan.create.access)),
  rules: plan.create.rules ? compileForm(plan.create.rules.form, plan.create.rules.entities) : undefined,
  budget: { ...plan.create.budget, clock: () => performance.now() },
  cipher: FieldCipher.fromKeys(plan.create.keys),
};
const source = readRows(plan.file.path, plan.file.format, plan.file.from)[Symbol.asyncIterator]();

async function nextBatch(): Promise<PostedRow[]> {
  const rows: PostedRow[] = [];
  while (rows.length < plan.batchRows) {
    const read = await source.next();
    if (read.done) break;
    const { number, byteEnd, values, matchValue } = importRow(columns, read.value);
    const row: PostedRow = { number, byteEnd, values, matchValue };
    if (checks) {
      const create = prepareImportCreate(checks, row.values);
      row.create = create instanceof ProblemError ? { refused: problemShape(create) } : create;
    }
    rows.push(row);
  }
  return rows;
}

port.on('message', () => {
  void nextBatch().then(
    (rows) => port.postMessage({ rows } satisfies PreparationAnswer),
    // A cell's value may be in an unforeseen error's message: only a refusal's words, or the error's class, go back.
    (error: unknown) => port.postMessage({ failed: error instanceof ProblemError ? problemShape(error) : { system: error instanceof Error ? error.name : 'unknown' } } satisfies PreparationAnswer),
  );
});
