// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CATALOG, loansReport } from '../testing/catalog.js';
import { canAggregate, canBin, canBucket, canGroupBy, reportFieldChoices } from './fields.js';
import { relationChoices } from './relations.js';

const paths = (report = loansReport()) => reportFieldChoices(report, CATALOG).map((c) => c.path);

describe('the fields a report can read', () => {
  it('lists the source’s fields, a money field’s currency and the standard columns', () => {
    expect(paths()).toEqual([
      'customer',
      'amount',
      'amount.currency',
      'term_months',
      'status',
      'submitted_at',
      'purpose',
      'id',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
      'owner_id',
    ]);
  });

  it('adds the fields of many-to-one joins under their alias, child aggregates and calculated fields', () => {
    const report = loansReport({
      joins: [
        { alias: 'customer', kind: 'manyToOne', field: 'customer' },
        { alias: 'branch', kind: 'manyToOne', field: 'branch', from: 'customer' },
      ],
      calculated: [{ key: 'big', expression: 'amount > 100000' }],
    });
    const found = paths(report);
    expect(found).toContain('customer.segment');
    expect(found).toContain('branch.city');
    expect(found.at(-1)).toBe('big');
    const customerReport = { ...loansReport(), source: 'customer', joins: [{ alias: 'loans', kind: 'oneToMany' as const, entity: 'loan_application', field: 'customer', aggregates: [{ key: 'total', agg: 'sum' as const, field: 'amount' }, { key: 'n', agg: 'count' as const }] }] };
    const aggregates = reportFieldChoices(customerReport, CATALOG).filter((c) => c.origin.kind === 'aggregate');
    expect(aggregates.map((c) => [c.path, c.type])).toEqual([
      ['loans.total', 'decimal'],
      ['loans.n', 'integer'],
    ]);
  });

  it('knows an unknown source has no fields', () => {
    expect(reportFieldChoices({ ...loansReport(), source: 'ghost' }, CATALOG)).toEqual([]);
  });

  it('says which fields group, aggregate, bucket and bin', () => {
    const choices = new Map(reportFieldChoices({ ...loansReport(), source: 'customer', calculated: [{ key: 'x', expression: '1' }] }, CATALOG).map((c) => [c.path, c]));
    expect(canGroupBy(choices.get('segment')!)).toBe(true);
    expect(canGroupBy(choices.get('tags')!)).toBe(false);
    expect(canAggregate('sum', choices.get('name')!)).toBe(false);
    expect(canAggregate('countDistinct', choices.get('name')!)).toBe(true);
    expect(canAggregate('max', choices.get('created_at')!)).toBe(true);
    expect(canAggregate('sum', choices.get('x')!)).toBe(true);
    expect(canBucket(choices.get('created_at')!)).toBe(true);
    expect(canBucket(choices.get('name')!)).toBe(false);
    expect(canBin(choices.get('name')!)).toBe(false);
  });
});

describe('the relations a join can follow', () => {
  it('offers the source’s references and the entities referring to it, then those of its many-to-one joins', () => {
    const fromLoans = relationChoices(loansReport(), CATALOG);
    expect(fromLoans.map((r) => [r.kind, r.from, r.kind === 'manyToOne' ? r.field : `${r.entity}.${r.field}`])).toEqual([['manyToOne', undefined, 'customer']]);
    const joined = relationChoices(loansReport({ joins: [{ alias: 'customer', kind: 'manyToOne', field: 'customer' }] }), CATALOG);
    expect(joined.map((r) => [r.kind, r.from, r.kind === 'manyToOne' ? r.field : `${r.entity}.${r.field}`])).toEqual([
      ['manyToOne', undefined, 'customer'],
      ['manyToOne', 'customer', 'branch'],
      ['oneToMany', 'customer', 'loan_application.customer'],
    ]);
  });
});
