// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { actionsWithProblems, problemControl, problemsAt } from './problem-paths.js';

describe('problem paths', () => {
  it('maps the server pointers to the controls that show them', () => {
    expect(problemControl('/label/zh-CN')).toBe('label.zh-CN');
    expect(problemControl('/label')).toBe('label');
    expect(problemControl('/trigger')).toBe('trigger');
    expect(problemControl('/trigger/condition')).toBe('trigger.condition');
    expect(problemControl('/trigger/on/1')).toBe('trigger.on');
    expect(problemControl('/trigger/match/value')).toBe('trigger.match.value');
    expect(problemControl('/trigger/filter/and/0/field')).toBe('trigger.filter');
    expect(problemControl('/actions')).toBe('actions');
    expect(problemControl('/actions/2')).toBe('actions.2');
    expect(problemControl('/actions/2/type')).toBe('actions.2');
    expect(problemControl('/actions/2/id')).toBe('actions.2');
    expect(problemControl('/actions/2/values/segment')).toBe('actions.2.values');
    expect(problemControl('/actions/0/message/en')).toBe('actions.0.message.en');
    expect(problemControl('/actions/1/add/0')).toBe('actions.1.add');
    expect(problemControl('/enabled')).toBe('enabled');
    expect(problemControl('')).toBe('document');
    expect(problemControl('/key')).toBe('document');
  });

  it('reads escaped pointer segments', () => {
    expect(problemControl('/actions/0/path~1x')).toBe('actions.0.path/x');
  });

  it('finds a control’s problems and the actions holding any', () => {
    const problems = [
      { path: '/trigger/condition', code: 'feel', message: 'syntax' },
      { path: '/actions/1/field', code: 'unknownField', message: 'no such field' },
      { path: '/actions/3', code: 'x', message: 'y' },
    ];
    expect(problemsAt(problems, 'trigger.condition').map((p) => p.code)).toEqual(['feel']);
    expect(problemsAt(problems, 'trigger')).toEqual([]);
    expect([...actionsWithProblems(problems)]).toEqual([1, 3]);
  });
});
