import type { EntityDefinition, FieldDefinition, LocalizedText } from '@bankforge/data-model';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { reportArtifactSchema } from '../artifact/report-artifact-schema.js';
import type { ReportDefinition } from '../artifact/report-definition.js';
import { compileReport } from '../sql/compile-report.js';

const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });
const field = (key: string, type: FieldDefinition['type'], label: LocalizedText, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id: `f_${key}`,
  key,
  type,
  label,
  ...extra,
});
const entity = (key: string, fields: FieldDefinition[]): EntityDefinition => ({ kind: 'entity', key, title: key, label: text(key, key), fields });

const CATALOG = new Map([
  ['branch', entity('branch', [field('name', 'text', text('Branch name', '分行名称')), field('city', 'text', text('City', '城市'))])],
  ['customer', entity('customer', [field('segment', 'singleSelect', text('Segment', '客户细分'), { options: [] }), field('home', 'reference', text('Home branch', '开户分行'), { reference: { entity: 'branch' } })])],
  [
    'application',
    entity('application', [
      field('customer', 'reference', text('Customer', '客户'), { reference: { entity: 'customer' } }),
      field('amount', 'money', text('Amount', '金额')),
      field('submitted_at', 'datetime', text('Submitted at', '提交时间')),
    ]),
  ],
]);

const report = (extra: Partial<ReportDefinition>): ReportDefinition => ({ kind: 'report', key: 'r', title: 'R', source: 'application', ...extra });
const headers = (extra: Partial<ReportDefinition>): [string, string, string][] =>
  compileReport(report(extra), CATALOG, { dialect: 'sqlite', now: new Date(0) }).columns.map((c) => [c.key, c.label, c.labelZh]);

describe("a report's column headers in both languages", () => {
  it("take an unlabelled dimension's name from its field, through joins, with its date bucket", () => {
    expect(
      headers({
        joins: [
          { alias: 'cust', kind: 'manyToOne', field: 'customer' },
          { alias: 'home', kind: 'manyToOne', field: 'home', from: 'cust' },
        ],
        dimensions: [
          { key: 'month', field: 'submitted_at', date: 'month' },
          { key: 'quarter', field: 'submitted_at', date: 'quarter' },
          { key: 'segment', field: 'cust.segment' },
          { key: 'city', field: 'home.city' },
          { key: 'created', field: 'created_at' },
          { key: 'currency', field: 'amount.currency' },
        ],
        measures: [{ key: 'n', agg: 'count' }],
      }).slice(0, 6),
    ).toEqual([
      ['month', 'Submitted at (month)', '提交时间（月）'],
      ['quarter', 'Submitted at (quarter)', '提交时间（季度）'],
      ['segment', 'Segment', '客户细分'],
      ['city', 'City', '城市'],
      ['created', 'Created', '创建时间'],
      ['currency', 'Amount currency', '金额币种'],
    ]);
  });

  it('name an unlabelled measure by what it does to its field; a ratio by its key', () => {
    expect(
      headers({
        joins: [{ alias: 'cust', kind: 'manyToOne', field: 'customer' }],
        measures: [
          { key: 'n', agg: 'count' },
          { key: 'customers', agg: 'countDistinct', field: 'customer' },
          { key: 'total', agg: 'sum', field: 'amount' },
          { key: 'average', agg: 'avg', field: 'amount' },
          { key: 'smallest', agg: 'min', field: 'amount' },
          { key: 'largest', agg: 'max', field: 'amount' },
          { key: 'segments', agg: 'countDistinct', field: 'cust.segment' },
          { key: 'share', agg: 'ratio', numerator: 'total', denominator: 'n' },
        ],
      }),
    ).toEqual([
      ['n', 'Count', '数量'],
      ['customers', 'Distinct Customer', '客户（去重）'],
      ['total', 'Total Amount', '金额合计'],
      ['average', 'Average Amount', '金额平均值'],
      ['smallest', 'Minimum Amount', '金额最小值'],
      ['largest', 'Maximum Amount', '金额最大值'],
      ['segments', 'Distinct Segment', '客户细分（去重）'],
      ['share', 'share', 'share'],
    ]);
  });

  it("keep an analyst's label: one text for both languages, or one per language", () => {
    expect(
      headers({
        calculated: [{ key: 'big', expression: 'amount > 100000', label: text('Large loan', '大额贷款') }],
        dimensions: [
          { key: 'month', field: 'submitted_at', date: 'month', label: text('Month', '月份') },
          { key: 'big', field: 'big' },
        ],
        measures: [
          { key: 'n', agg: 'count', label: 'Applications' },
          { key: 'volume', agg: 'sum', field: 'amount', label: text('Volume', '贷款金额') },
          { key: 'share', agg: 'ratio', numerator: 'volume', denominator: 'n', label: text('Average size', '笔均金额') },
        ],
      }),
    ).toEqual([
      ['month', 'Month', '月份'],
      ['big', 'Large loan', '大额贷款'],
      ['n', 'Applications', 'Applications'],
      ['volume', 'Volume', '贷款金额'],
      ['share', 'Average size', '笔均金额'],
    ]);
  });

  it('fall back to the key where nothing names the column (an unlabelled calculated field)', () => {
    expect(headers({ calculated: [{ key: 'big', expression: 'amount > 100000' }], dimensions: [{ key: 'big', field: 'big' }] })).toEqual([['big', 'big', 'big']]);
  });
});

describe('the report schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(reportArtifactSchema);
  const accepts = (label: unknown): boolean =>
    validate(report({ dimensions: [{ key: 'month', field: 'submitted_at', label } as never], measures: [{ key: 'n', agg: 'count', label } as never] }));

  it('takes a label as one text or as its English and Chinese', () => {
    expect(accepts('Applications')).toBe(true);
    expect(accepts(text('Applications', '申请数'))).toBe(true);
  });

  it('refuses a label missing its Chinese, an empty one, or another language', () => {
    expect(accepts({ en: 'Applications' })).toBe(false);
    expect(accepts(text('Applications', ''))).toBe(false);
    expect(accepts({ ...text('Applications', '申请数'), fr: 'Demandes' })).toBe(false);
    expect(accepts(42)).toBe(false);
  });
});
