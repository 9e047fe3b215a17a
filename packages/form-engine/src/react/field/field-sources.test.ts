import { describe, expect, it } from 'vitest';
import type { FormFieldNode } from '../../form/form-definition.js';
import { entityOf, field, options } from '@bankforge/data-model/testing';
import { lookupSource, staticOptions } from './field-sources.js';

describe('field sources', () => {
  const segment = field('segment', 'singleSelect', { options: options('retail', 'private') });

  it('take the node static options over the entity field options', () => {
    const node: FormFieldNode = { id: 'n', type: 'field', field: 'segment' };
    expect(staticOptions(node, segment).map((o) => o.value)).toEqual(['retail', 'private']);
    const narrowed: FormFieldNode = { ...node, options: { type: 'static', options: options('vip') ?? [] } };
    expect(staticOptions(narrowed, segment).map((o) => o.value)).toEqual(['vip']);
  });

  it('take the node lookup source, else the referenced entity labelled by its first text field', () => {
    const branch = field('branch', 'reference', { reference: { entity: 'branch' } });
    const node: FormFieldNode = { id: 'n', type: 'field', field: 'branch' };
    const branchEntity = { ...entityOf(field('code', 'integer'), field('title', 'text')), key: 'branch' };
    expect(lookupSource(node, branch, { branch: branchEntity })).toEqual({ entity: 'branch', labelField: 'title' });
    expect(lookupSource(node, branch, {})).toEqual({ entity: 'branch', labelField: 'name' });
    const filtered: FormFieldNode = {
      ...node,
      options: { type: 'lookup', entity: 'branch', labelField: 'code', filter: { field: 'city', op: 'eq', value: 'SH' } },
    };
    expect(lookupSource(filtered, branch, {})).toEqual({
      entity: 'branch',
      labelField: 'code',
      filter: { field: 'city', op: 'eq', value: 'SH' },
    });
    expect(lookupSource(node, segment, {})).toBeUndefined();
  });
});
