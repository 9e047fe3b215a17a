import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { planEntityMigration } from './migration-plan.js';

const label = { en: 'x', 'zh-CN': 'x' };
const f = (id: string, key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id, key, type, label, ...extra });
const entity = (fields: FieldDefinition[]): EntityDefinition => ({ kind: 'entity', key: 'lead', title: 'Lead', label, fields });
const ops = (plan: ReturnType<typeof planEntityMigration>): string[] => plan.steps.map((s) => s.op);

describe('planEntityMigration', () => {
  const base = entity([f('a', 'name', 'text', { maxLength: 50 }), f('b', 'amount', 'money'), f('c', 'code', 'text', { unique: true })]);

  it('creates the table and its indexes for a first publish', () => {
    const plan = planEntityMigration(undefined, base);
    expect(ops(plan)).toEqual(['createTable', 'addIndex']);
    expect(plan).toMatchObject({ fromVersion: null, toVersion: 1, lossy: [] });
  });

  it('plans nothing when only labels change', () => {
    const next = entity(base.fields.map((x) => ({ ...x, label: { en: 'New', 'zh-CN': '新' } })));
    expect(planEntityMigration({ definition: base, version: 3 }, next)).toMatchObject({ steps: [], lossy: [], fromVersion: 3, toVersion: 4 });
  });

  it('follows the stable id through a rename, and does not lose data', () => {
    const next = entity(base.fields.map((x) => (x.id === 'a' ? { ...x, key: 'full_name' } : x)));
    const plan = planEntityMigration({ definition: base, version: 1 }, next);
    expect(plan.steps).toEqual([expect.objectContaining({ op: 'renameColumn', from: 'name', to: 'full_name' })]);
    expect(plan.lossy).toEqual([]);
  });

  it('widens text and decimals without a confirmation', () => {
    const next = entity([f('a', 'name', 'text', { maxLength: 80 }), f('b', 'amount', 'money', { precision: 20, scale: 2 }), base.fields[2]!]);
    const plan = planEntityMigration({ definition: base, version: 1 }, next);
    expect(ops(plan)).toEqual(['widenColumn', 'widenColumn']);
    expect(plan.lossy).toEqual([]);
    const toLong = planEntityMigration({ definition: base, version: 1 }, entity([f('a', 'name', 'longText'), ...base.fields.slice(1)]));
    expect(ops(toLong)).toEqual(['widenColumn']);
  });

  it('marks drops, narrowing and retyping as lossy', () => {
    const next = entity([f('a', 'name', 'text', { maxLength: 10 }), f('c', 'code', 'integer')]);
    const plan = planEntityMigration({ definition: base, version: 1 }, next);
    expect(plan.lossy.map((l) => [l.key, l.change])).toEqual([
      ['amount', 'drop'],
      ['name', 'narrow'],
      ['code', 'retype'],
    ]);
    expect(ops(plan)).toEqual(['dropColumn', 'narrowColumn', 'dropIndex', 'changeType']);
    const scale = planEntityMigration({ definition: base, version: 1 }, entity([base.fields[0]!, f('b', 'amount', 'money', { precision: 18, scale: 1 }), base.fields[2]!]));
    expect(scale.lossy.map((l) => l.change)).toEqual(['narrow']);
  });

  it('adds and drops indexes when flags change, and treats a new reference target as a retype', () => {
    const next = entity([f('a', 'name', 'text', { maxLength: 50, indexed: true }), base.fields[1]!, f('c', 'code', 'text')]);
    expect(ops(planEntityMigration({ definition: base, version: 1 }, next))).toEqual(['addIndex', 'dropIndex']);
    const withRef = entity([...base.fields, f('r', 'owner', 'reference', { reference: { entity: 'user' } })]);
    const retarget = entity([...base.fields, f('r', 'owner', 'reference', { reference: { entity: 'team' } })]);
    const plan = planEntityMigration({ definition: withRef, version: 2 }, retarget);
    expect(ops(plan)).toEqual(['dropIndex', 'changeType', 'addIndex']);
    expect(plan.lossy).toEqual([expect.objectContaining({ key: 'owner', change: 'retype' })]);
  });
});

describe('planEntityMigration: composite indexes', () => {
  const withIndexes = (fields: FieldDefinition[], indexes: EntityDefinition['indexes']): EntityDefinition => ({ ...entity(fields), indexes });
  const fields = [f('a', 'name', 'text', { maxLength: 50 }), f('b', 'amount', 'money'), f('c', 'stage', 'text')];

  it('builds declared indexes after the table, and only the new one on the next version', () => {
    const first = withIndexes(fields, [{ key: 'by_stage', fields: ['stage', 'amount'] }]);
    expect(planEntityMigration(undefined, first).summary.at(-1)).toBe('Index by_stage: deleted_at, stage, amount, amount_currency');
    const next = withIndexes(fields, [{ key: 'by_stage', fields: ['stage', 'amount'] }, { key: 'by_name', fields: ['name'] }]);
    expect(planEntityMigration({ definition: first, version: 1 }, next).steps).toEqual([
      { op: 'addEntityIndex', index: { key: 'by_name', fields: ['name'] }, columns: ['deleted_at', 'name'] },
    ]);
  });

  it('drops an index before its column changes and builds it after; a rename keeps it', () => {
    const before = withIndexes(fields, [{ key: 'by_name', fields: ['name', 'stage'] }]);
    const widened = withIndexes(
      fields.map((x) => (x.id === 'a' ? { ...x, maxLength: 80 } : x)),
      before.indexes,
    );
    expect(ops(planEntityMigration({ definition: before, version: 1 }, widened))).toEqual(['dropEntityIndex', 'widenColumn', 'addEntityIndex']);
    const renamed = withIndexes(
      fields.map((x) => (x.id === 'c' ? { ...x, key: 'phase' } : x)),
      [{ key: 'by_name', fields: ['name', 'phase'] }],
    );
    expect(ops(planEntityMigration({ definition: before, version: 1 }, renamed))).toEqual(['renameColumn']);
    const reordered = withIndexes(fields, [{ key: 'by_name', fields: ['stage', 'name'] }]);
    expect(ops(planEntityMigration({ definition: before, version: 1 }, reordered))).toEqual(['dropEntityIndex', 'addEntityIndex']);
    expect(ops(planEntityMigration({ definition: before, version: 1 }, withIndexes(fields, undefined)))).toEqual(['dropEntityIndex']);
  });
});
