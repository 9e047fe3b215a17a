import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { cardLayout } from './card-fields.js';

const field = (
  key: string,
  type: FieldDefinition['type'] = 'text',
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key }, ...extra }) as FieldDefinition;
const fields = [
  field('customer_no', 'text', { unique: true }),
  field('name'),
  field('segment', 'singleSelect'),
  field('mobile', 'mobile'),
  field('aum', 'money'),
  field('branch', 'reference'),
];
const keys = (list: readonly FieldDefinition[]) => list.map((f) => f.key);

describe('cardLayout', () => {
  it("titles a card by the entity's title template and shows the first three other columns the reader shows", () => {
    const entity: Pick<EntityDefinition, 'titleTemplate' | 'fields'> = {
      titleTemplate: '{name} · {customer_no}',
      fields,
    };
    const layout = cardLayout(entity, fields, ['customer_no', 'name', 'segment', 'mobile', 'aum', 'branch']);
    expect([keys(layout.title), keys(layout.details)]).toEqual([
      ['name', 'customer_no'],
      ['segment', 'mobile', 'aum'],
    ]);
    expect(layout.query).toEqual(['name', 'customer_no', 'segment', 'mobile', 'aum']);
  });

  it('asks for the title even when its columns are hidden, and leaves out fields the reader may not read', () => {
    const readable = fields.filter((f) => f.key !== 'customer_no');
    const layout = cardLayout({ titleTemplate: '{name} · {customer_no}', fields }, readable, [
      'aum',
      'branch',
    ]);
    expect(layout.query).toEqual(['name', 'aum', 'branch']);
  });

  it('leaves masked fields off the card: the next columns take their place', () => {
    const entity = { titleTemplate: '{name} · {customer_no}', fields };
    const layout = cardLayout(entity, fields, ['segment', 'mobile', 'aum', 'branch'], new Set(['mobile']));
    expect(keys(layout.details)).toEqual(['segment', 'aum', 'branch']);
  });

  it('without a template, titles by the first unique text field', () => {
    expect(keys(cardLayout({ fields }, fields, ['name']).title)).toEqual(['customer_no']);
  });
});
