import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition } from './entity-definition.js';
import { entityApiSchemas, entitySchemaNames } from './entity-json-schema.js';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const field = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: label(key, `字段${key}`), ...extra });

const loan: EntityDefinition = {
  kind: 'entity',
  key: 'loan_application',
  title: 'Loan application',
  label: label('Loan application', '贷款申请'),
  fields: [
    field('applicant', 'text', { required: true, maxLength: 50, label: label('Applicant', '申请人') }),
    field('loan_no', 'autoNumber', { numbering: 'LA{seq:6}' }),
    field('amount', 'money', { required: true, currencies: ['CNY'] }),
    field('rate', 'percentage', { precision: 6, scale: 4 }),
    field('term', 'integer', { min: 1, max: 360 }),
    field('purpose', 'singleSelect', { options: [{ value: 'home', label: label('Home', '购房') }, { value: 'car', label: label('Car', '购车') }] }),
    field('mobile', 'mobile', { sensitive: true }),
    field('resident_id', 'residentId'),
    field('customer', 'reference', { reference: { entity: 'customer' } }),
    field('applied_on', 'date'),
    field('extra', 'json'),
  ],
};

// OpenAPI 3.0's schema is JSON Schema with `nullable` (which Ajv knows) and `x-` extensions; its own formats are checked by the server.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

describe('entity API schemas', () => {
  const schemas = entityApiSchemas(loan);

  it('names them after the entity', () => {
    expect(entitySchemaNames('loan_application')).toEqual({ record: 'LoanApplicationRecord', input: 'LoanApplicationRecordInput', patch: 'LoanApplicationRecordPatch' });
  });

  it("gives each field its JSON type, format, options, bounds and both languages' labels", () => {
    const props = schemas.input.properties as Record<string, Record<string, unknown>>;
    expect(props.applicant).toMatchObject({ type: 'string', minLength: 1, maxLength: 50, title: 'Applicant', description: 'Applicant / 申请人', 'x-label': { en: 'Applicant', 'zh-CN': '申请人' } });
    expect(props.applicant).not.toHaveProperty('nullable');
    expect(props.amount).toMatchObject({ type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'string', format: 'decimal' }, currency: { enum: ['CNY'] } } });
    expect(props.rate).toMatchObject({ type: 'string', format: 'decimal', nullable: true, 'x-precision': 6, 'x-scale': 4 });
    expect(props.term).toMatchObject({ type: 'integer', minimum: 1, maximum: 360 });
    expect(props.purpose).toMatchObject({ type: 'string', nullable: true, enum: ['home', 'car', null], 'x-enum-labels': { home: { en: 'Home', 'zh-CN': '购房' } } });
    expect(props.applied_on).toMatchObject({ type: 'string', format: 'date' });
    expect(props.customer).toMatchObject({ type: 'string', 'x-reference': 'customer' });
    // The server numbers it: not written, but answered.
    expect(props).not.toHaveProperty('loan_no');
    expect((schemas.record.properties as Record<string, unknown>).loan_no).toMatchObject({ readOnly: true });
    expect(schemas.input.required).toEqual(['applicant', 'amount']);
    expect(schemas.patch.required).toEqual(['version']);
  });

  it('documents a sensitive field as a possibly masked string in records, and checks it on writes', () => {
    const answered = (schemas.record.properties as Record<string, Record<string, unknown>>).mobile!;
    expect(answered).toMatchObject({ type: 'string', nullable: true, 'x-sensitive': true });
    expect(answered).not.toHaveProperty('pattern');
    expect((schemas.input.properties as Record<string, unknown>).mobile).toMatchObject({ pattern: '^1[3-9]\\d{9}$' });
  });

  it('accepts a well-formed record and refuses a malformed one, as JSON Schema', () => {
    const input = ajv.compile(schemas.input);
    expect(input({ applicant: '王五', amount: { amount: '500000.00', currency: 'CNY' }, rate: '0.0435', term: 360, purpose: 'home', mobile: '13812345678', extra: { a: 1 } }), JSON.stringify(input.errors)).toBe(true);
    expect(input({ applicant: '王五', amount: { amount: '5e5', currency: 'CNY' } })).toBe(false);
    expect(input({ applicant: '王五', amount: { amount: '1.00', currency: 'CNY' }, purpose: 'boat' })).toBe(false);
    expect(input({ amount: { amount: '1.00', currency: 'CNY' } })).toBe(false);
    const patch = ajv.compile(schemas.patch);
    expect(patch({ version: 3, purpose: null })).toBe(true);
    expect(patch({ version: 3, applicant: null })).toBe(false);
    expect(patch({ purpose: 'car' })).toBe(false);
    const record = ajv.compile(schemas.record);
    const system = { id: 'r1', version: 1, created_at: '2026-01-01T00:00:00.000Z', created_by: 'u', updated_at: '2026-01-01T00:00:00.000Z', updated_by: 'u', owner_id: 'u' };
    expect(record({ ...system, applicant: '王**', mobile: '138****5678', loan_no: 'LA000001' }), JSON.stringify(record.errors)).toBe(true);
  });
});
