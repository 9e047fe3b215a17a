// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { controlId, controlIdsFor, mergeProblems, problemsAt, problemsUnder } from './problems.js';

const local = [
  { path: '/dimensions/0/field', code: 'unknownField', message: 'colour is not a field' },
  { path: '/dimensions/0', code: 'conflictingDimension', message: 'both' },
  { path: '/filter/and/1/value', code: 'type', message: 'bad value' },
];

describe('report problems', () => {
  it('are found at a control’s path, or under a row’s', () => {
    expect(problemsAt(local, '/dimensions/0').map((p) => p.code)).toEqual(['conflictingDimension']);
    expect(problemsUnder(local, '/dimensions/0').map((p) => p.code)).toEqual(['unknownField', 'conflictingDimension']);
    expect(problemsUnder(local, '/dimensions/1')).toEqual([]);
  });

  it('merge the server’s refusal, each problem once', () => {
    const server = [
      { path: '/dimensions/0/field', code: 'unknownField', message: 'again', messageZh: '再一次' },
      { path: '/limit', code: 'maximum', message: 'too big', messageZh: '太大' },
    ];
    expect(mergeProblems(local, server).map((p) => p.path)).toEqual(['/dimensions/0/field', '/dimensions/0', '/filter/and/1/value', '/limit']);
  });

  it('name the control of a path, and the ones around it to fall back on', () => {
    expect(controlId('/dimensions/0/field')).toBe('report-dimensions-0-field');
    expect(controlIdsFor('/dimensions/0/top/by')).toEqual(['report-dimensions-0-top-by', 'report-dimensions-0-top', 'report-dimensions-0', 'report-dimensions']);
  });
});
