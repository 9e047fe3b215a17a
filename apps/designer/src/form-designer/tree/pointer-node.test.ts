// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nodeIdAtPointer } from './pointer-node.js';

const form = {
  layout: [
    {
      id: 'section_1',
      type: 'section',
      children: [{ id: 'columns_1', type: 'columns', columns: [{ id: 'column_1', children: [{ id: 'employer', type: 'field', field: 'employer' }] }] }],
    },
  ],
  validations: [{ id: 'v1', expression: 'x' }],
};

describe('nodeIdAtPointer', () => {
  it('finds the innermost node a pointer goes through', () => {
    expect(nodeIdAtPointer(form, '/layout/0/children/0/columns/0/children/0/visibleWhen')).toBe('employer');
    expect(nodeIdAtPointer(form, '/layout/0/children/0/columns/0')).toBe('column_1');
    expect(nodeIdAtPointer(form, '/layout/0/title')).toBe('section_1');
  });

  it('stops at the last node that exists and answers null outside the layout', () => {
    expect(nodeIdAtPointer(form, '/layout/0/children/7/field')).toBe('section_1');
    expect(nodeIdAtPointer(form, '/validations/0/expression')).toBeNull();
    expect(nodeIdAtPointer(form, '')).toBeNull();
  });
});
