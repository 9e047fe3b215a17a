import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, FormFieldNode } from './form-definition.js';
import { FORM_LIMITS, formArtifactSchema } from './form-schema.js';

// As the server compiles every artifact schema.
const validate = new Ajv({ allErrors: true, strict: false }).compile(formArtifactSchema);

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const employer: FormFieldNode = {
  id: 'n_employer',
  type: 'field',
  field: 'employer',
  widget: 'text',
  label: text('Employer', '工作单位'),
  help: text('As on the payslip', '与工资单一致'),
  placeholder: text('e.g. Bank of Example', '如：示例银行'),
  default: 'n/a',
  visibleWhen: 'occupation = "employed"',
  requiredWhen: 'true',
  readonlyWhen: 'kyc_status = "verified"',
};

/** A form using every kind of node and every property. */
function fullForm(): FormDefinition {
  return {
    kind: 'form',
    key: 'customer_form',
    title: 'Customer',
    version: 3,
    schemaVersion: 1,
    entity: 'customer',
    label: text('Customer', '客户'),
    default: true,
    layout: [
      {
        id: 's_identity',
        type: 'section',
        title: text('Identity', '身份'),
        visibleWhen: 'true',
        children: [
          {
            id: 'c_identity',
            type: 'columns',
            columns: [
              { id: 'c_left', children: [{ id: 'n_name', type: 'field', field: 'name' }, employer] },
              {
                id: 'c_right',
                children: [
                  {
                    id: 'n_segment',
                    type: 'field',
                    field: 'segment',
                    widget: 'radio',
                    options: {
                      type: 'static',
                      options: [{ value: 'retail', label: text('Retail', '零售') }],
                    },
                  },
                  {
                    id: 'n_branch',
                    type: 'field',
                    field: 'branch',
                    widget: 'lookup',
                    options: {
                      type: 'lookup',
                      entity: 'branch',
                      labelField: 'name',
                      filter: {
                        and: [
                          { field: 'active', op: 'eq', value: true },
                          { or: [{ field: 'city', op: 'isNull' }] },
                          { not: { field: 'opened_on', op: 'within', value: 'thisMonth' } },
                        ],
                      },
                    },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 't_more',
        type: 'tabs',
        tabs: [
          {
            id: 't_wealth',
            title: text('Wealth', '财富'),
            children: [{ id: 'n_aum', type: 'field', field: 'aum', value: 'deposits + funds' }],
          },
        ],
      },
      {
        id: 'g_contacts',
        type: 'repeatingGroup',
        key: 'contacts',
        title: text('Contacts', '联系人'),
        entity: 'contact',
        foreignKey: 'customer',
        minRows: 1,
        maxRows: 5,
        fields: [{ id: 'n_phone', type: 'field', field: 'phone', requiredWhen: 'item.kind = "mobile"' }],
      },
    ],
    validations: [
      {
        id: 'v_birth',
        expression: 'birth_date <= today()',
        message: text('Not in the future', '不能晚于今天'),
        field: 'birth_date',
      },
      { id: 'v_top', expression: 'true', message: text('Always', '总是') },
    ],
  };
}

function errorsOf(doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : (validate.errors ?? []);
}

/** A form whose first layout node is `node`. */
function withNode(node: unknown): unknown {
  return { ...fullForm(), layout: [node] };
}

describe('formArtifactSchema', () => {
  it('accepts a form using every kind of node and every property', () => {
    expect(errorsOf(fullForm())).toEqual([]);
  });

  it('accepts the smallest form, and drafts whose entity choices are still open', () => {
    const { kind, key, title, schemaVersion, entity, label } = fullForm();
    expect(errorsOf({ kind, key, title, schemaVersion, entity, label, layout: [] })).toEqual([]);
    const draft = withNode({
      id: 'group_1',
      type: 'repeatingGroup',
      key: 'group_1',
      title: text('', ''),
      entity: '',
      foreignKey: '',
      fields: [],
    });
    expect(errorsOf(draft)).toEqual([]);
    const lookup = withNode({
      id: 'x',
      type: 'field',
      field: 'x',
      options: { type: 'lookup', entity: '', labelField: '' },
    });
    expect(errorsOf(lookup)).toEqual([]);
  });

  it('compiles under Ajv strict mode too', () => {
    expect(() => new Ajv({ allErrors: true, strict: true }).compile(formArtifactSchema)).not.toThrow();
  });

  const tooLong = 'x'.repeat(FORM_LIMITS.expressionLength + 1);
  const CASES: ReadonlyArray<[string, unknown, string, string]> = [
    ['another kind', { ...fullForm(), kind: 'entity' }, '/kind', 'const'],
    ['a key that is not an identifier', { ...fullForm(), key: 'Customer Form' }, '/key', 'pattern'],
    ['an empty title', { ...fullForm(), title: '' }, '/title', 'minLength'],
    ['a newer schemaVersion', { ...fullForm(), schemaVersion: 2 }, '/schemaVersion', 'const'],
    ['an unknown top-level property', { ...fullForm(), script: 'x' }, '', 'additionalProperties'],
    ['a label without Chinese', { ...fullForm(), label: { en: 'Customer' } }, '/label', 'required'],
    ['a node of an unknown type', withNode({ id: 'b', type: 'button' }), '/layout/0/type', 'enum'],
    ['a node without an id', withNode({ type: 'field', field: 'x' }), '/layout/0', 'required'],
    ['a node id with spaces', withNode({ id: 'a b', type: 'field', field: 'x' }), '/layout/0/id', 'pattern'],
    [
      'a field node with an unknown property',
      withNode({ ...employer, onClick: 'x' }),
      '/layout/0',
      'additionalProperties',
    ],
    ['an unknown widget', withNode({ ...employer, widget: 'slider' }), '/layout/0/widget', 'enum'],
    [
      'a field key that is not an identifier',
      withNode({ ...employer, field: 'Employer' }),
      '/layout/0/field',
      'pattern',
    ],
    [
      'an over-long expression',
      withNode({ ...employer, visibleWhen: tooLong }),
      '/layout/0/visibleWhen',
      'maxLength',
    ],
    [
      'an expression that is not a string',
      withNode({ ...employer, requiredWhen: true }),
      '/layout/0/requiredWhen',
      'type',
    ],
    [
      'a section without a title',
      withNode({ id: 's', type: 'section', children: [] }),
      '/layout/0',
      'required',
    ],
    [
      'a bad node deep inside',
      withNode({
        id: 's',
        type: 'section',
        title: text('S', 'S'),
        children: [
          {
            id: 't',
            type: 'tabs',
            tabs: [{ id: 't1', title: text('T', 'T'), children: [{ id: 'f', type: 'field' }] }],
          },
        ],
      }),
      '/layout/0/children/0/tabs/0/children/0',
      'required',
    ],
    [
      'too many columns',
      withNode({
        id: 'c',
        type: 'columns',
        columns: Array.from({ length: FORM_LIMITS.columns + 1 }, (_, i) => ({ id: `c${i}`, children: [] })),
      }),
      '/layout/0/columns',
      'maxItems',
    ],
    ['tabs without a tab', withNode({ id: 't', type: 'tabs', tabs: [] }), '/layout/0/tabs', 'minItems'],
    [
      'a section inside a repeating group',
      withNode({
        ...fullForm().layout[2],
        fields: [{ id: 's', type: 'section', title: text('S', 'S'), children: [] }],
      }),
      '/layout/0/fields/0',
      'additionalProperties',
    ],
    ['negative minRows', withNode({ ...fullForm().layout[2], minRows: -1 }), '/layout/0/minRows', 'minimum'],
    [
      'an unknown option source',
      withNode({ ...employer, options: { type: 'remote', url: 'https://x' } }),
      '/layout/0/options/type',
      'enum',
    ],
    [
      'a static option without a label',
      withNode({ ...employer, options: { type: 'static', options: [{ value: 'a' }] } }),
      '/layout/0/options/options/0',
      'required',
    ],
    [
      'a lookup filter with a bad field',
      withNode({
        ...employer,
        options: {
          type: 'lookup',
          entity: 'branch',
          labelField: 'name',
          filter: { and: [{ field: 'City', op: 'eq' }] },
        },
      }),
      '/layout/0/options/filter/and/0/field',
      'pattern',
    ],
    [
      'a lookup filter with an operator the records query does not have',
      withNode({
        ...employer,
        options: {
          type: 'lookup',
          entity: 'branch',
          labelField: 'name',
          filter: { not: { field: 'city', op: 'like', value: 'S%' } },
        },
      }),
      '/layout/0/options/filter/not/op',
      'enum',
    ],
    [
      'too many nodes in the layout',
      {
        ...fullForm(),
        layout: Array.from({ length: FORM_LIMITS.nodesPerContainer + 1 }, (_, i) => ({
          ...employer,
          id: `n${i}`,
        })),
      },
      '/layout',
      'maxItems',
    ],
    [
      'a validation without a message',
      { ...fullForm(), validations: [{ id: 'v', expression: 'true' }] },
      '/validations/0',
      'required',
    ],
  ];

  it.each(CASES)('refuses %s at its place', (_name, doc, instancePath, keyword) => {
    const errors = errorsOf(doc);
    expect(errors.map((e) => [e.instancePath, e.keyword])).toContainEqual([instancePath, keyword]);
  });

  it(`takes containers nested ${FORM_LIMITS.layoutDepth - 1} deep and refuses deeper ones, however deep the document goes`, () => {
    const nested = (depth: number): unknown => {
      let node: unknown = { id: 'f', type: 'field', field: 'x' };
      for (let i = 0; i < depth; i++)
        node = { id: `s${i}`, type: 'section', title: text('S', 'S'), children: [node] };
      return withNode(node);
    };
    expect(errorsOf(nested(FORM_LIMITS.layoutDepth - 1))).toEqual([]);
    const tooDeep = `/layout/0${'/children/0'.repeat(FORM_LIMITS.layoutDepth - 1)}/type`;
    expect(errorsOf(nested(FORM_LIMITS.layoutDepth)).map((e) => [e.instancePath, e.keyword])).toContainEqual([
      tooDeep,
      'enum',
    ]);
    // Deep enough to overflow the stack of a recursive validator.
    expect(validate(nested(20_000))).toBe(false);
  });

  it(`takes lookup filters nested ${FORM_LIMITS.filterDepth - 1} deep and refuses deeper ones`, () => {
    const nested = (depth: number): unknown => {
      let filter: unknown = { field: 'city', op: 'eq', value: 'Shanghai' };
      for (let i = 0; i < depth; i++) filter = { or: [filter] };
      return withNode({
        ...employer,
        options: { type: 'lookup', entity: 'branch', labelField: 'name', filter },
      });
    };
    expect(errorsOf(nested(FORM_LIMITS.filterDepth - 1))).toEqual([]);
    expect(errorsOf(nested(FORM_LIMITS.filterDepth)).length).toBeGreaterThan(0);
  });

  it.each(CASES.filter(([, , path]) => path.startsWith('/layout/0/')))(
    'reports %s only inside the node at fault',
    (_name, doc, instancePath) => {
      const node = instancePath.split('/').slice(0, 3).join('/');
      for (const error of errorsOf(doc))
        expect(error.instancePath.startsWith(node), error.instancePath).toBe(true);
    },
  );
});
