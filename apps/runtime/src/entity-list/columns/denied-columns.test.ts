import { ApiProblem } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { deniedColumns } from './denied-columns.js';

describe('deniedColumns', () => {
  const query = { fields: ['full_name', 'resident_id', 'income'] };

  it('names the queried columns a 403 points at', () => {
    const problem = new ApiProblem(403, 'fieldNotPermitted', 'Forbidden', '', [
      { path: '/fields/2', code: 'fieldNotPermitted', message: 'You may not use income' },
      { path: '/filter/and/0/field', code: 'fieldMasked', message: 'masked' },
    ]);
    expect(deniedColumns(problem, query)).toEqual(['income']);
  });

  it('names none for other problems', () => {
    expect(deniedColumns(new ApiProblem(400, 'invalidQuery', 'Bad', '', [{ path: '/fields/0', code: 'unknownField', message: '' }]), query)).toEqual([]);
    expect(deniedColumns(new ApiProblem(403, 'forbidden', 'Forbidden', ''), query)).toEqual([]);
  });
});
