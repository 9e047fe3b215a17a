import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { afterAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../../platform/crypto/field-cipher.js';
import { ProblemError } from '../../../platform/problem/problem-error.js';
import { EntityAccess } from '../../access/access-profile.js';
import type { PreparedImportCreate } from '../../records/import-create.js';
import type { RowPreparationPlan } from './row-preparation-plan.js';
import { RowPreparer } from './row-preparer.js';

const field = (id: string, key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id, key, type, label: { en: key, 'zh-CN': key }, ...extra });
const depositor: EntityDefinition = {
  kind: 'entity',
  key: 'depositor',
  title: 'Depositor',
  label: { en: 'Depositor', 'zh-CN': '储户' },
  fields: [field('f_name', 'name', 'text', { required: true }), field('f_mobile', 'mobile', 'text', { sensitive: true, indexed: true }), field('f_note', 'note', 'text')],
};
const MOBILE = '13812345678';
const cipher = new FieldCipher(new Map([['k1', randomBytes(32)]]), 'k1', randomBytes(32));
const folder = mkdtempSync(join(tmpdir(), 'row-preparer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const planFor = (csv: string, access = EntityAccess.unrestricted, batchRows = 10): RowPreparationPlan => {
  const path = join(folder, `${randomBytes(4).toString('hex')}.csv`);
  writeFileSync(path, csv);
  return {
    entity: { definition: depositor, version: 1 },
    columns: [
      { header: 'Name', field: 'name' },
      { header: 'Mobile', field: 'mobile' },
      { header: 'Note', field: 'note' },
    ],
    matchField: 'mobile',
    create: { access: access.snapshot, rules: undefined, budget: {}, keys: cipher.keyMaterial() },
    file: { path, format: 'csv', from: { rows: 0, byte: 0 } },
    batchRows,
  };
};

describe('an import run read and prepared in a worker thread', () => {
  it('answers the rows in batches, each create checked and encrypted with the server keys, a refused one as its problem', async () => {
    const preparer = new RowPreparer(planFor(`Name,Mobile,Note\nWang Fang,${MOBILE},first\n,13900001111,no name\nLi Lei,,third\n`, EntityAccess.unrestricted, 2));
    try {
      const first = await preparer.next();
      expect(first.map((row) => [row.number, row.matchValue])).toEqual([
        [2, MOBILE],
        [3, '13900001111'],
      ]);
      const created = first[0]!.create as PreparedImportCreate;
      // name, mobile (ciphertext, blind index), note
      expect(created.columns).toHaveLength(4);
      expect(cipher.decrypt(String(created.columns[1]), 'f_mobile')).toBe(MOBILE);
      expect(created.columns[2]).toBe(cipher.blindIndex(MOBILE));
      expect(JSON.parse(created.auditDetail)).toEqual({ values: { name: 'Wang Fang', mobile: expect.not.stringContaining('5678'), note: 'first' } });
      expect(JSON.parse(created.renderedChanges)).toMatchObject({ mobile: { masked: true }, name: { new: 'Wang Fang' } });
      const refused = first[1]!.create;
      expect(refused).toBeInstanceOf(ProblemError);
      expect((refused as ProblemError).errors?.map((e) => [e.path, e.code])).toEqual([['/name', 'required']]);

      const second = await preparer.next();
      expect(second.map((row) => [row.number, row.matchValue, row.values])).toEqual([[4, undefined, { name: 'Li Lei', note: 'third' }]]);
      expect(await preparer.next()).toEqual([]);
    } finally {
      await preparer.close();
    }
  });

  it("refuses a create naming a field the importer may not write, as the records API does", async () => {
    const access = new EntityAccess(new Map([['create', 'own']]), new Map([['note', { see: 'clear', write: false }]]), false);
    const preparer = new RowPreparer(planFor('Name,Mobile,Note\nWang Fang,,a note\nLi Lei,,\n', access));
    try {
      const [withNote, without] = await preparer.next();
      expect(withNote!.create).toBeInstanceOf(ProblemError);
      expect([(withNote!.create as ProblemError).status, (withNote!.create as ProblemError).code]).toEqual([403, 'fieldNotWritable']);
      expect(without!.create).not.toBeInstanceOf(ProblemError);
    } finally {
      await preparer.close();
    }
  });

  it('rejects with the refusal when the file cannot be read, and refuses to be asked again', async () => {
    const plan = planFor('Name\n');
    const preparer = new RowPreparer({ ...plan, file: { ...plan.file, format: 'xlsx' } });
    try {
      const failure = await preparer.next().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ProblemError);
      expect((failure as ProblemError).code).toBe('importFileInvalid');
    } finally {
      await preparer.close();
    }
    await expect(preparer.next()).rejects.toThrow('closed');
  });
});
