import { ApiProblem } from '@bankforge/client';
import i18next from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { actedFirst, approvalProblemText } from './approval-problem.js';

beforeEach(() => initTestI18n('en'));

const problem = (status: number, code: string) => new ApiProblem(status, code, code, `${code} detail`);

describe('approval problems', () => {
  it('explains the refusals the screens know, in the reader language', async () => {
    const t = i18next.getFixedT(null, 'approval');
    expect(approvalProblemText(problem(403, 'makerChecker'), t, 'Not done.')).toBe('You started this case, so you cannot approve it: another person must check it.');
    expect(approvalProblemText(problem(409, 'withdrawNotAllowed'), t, 'Not done.')).toBe('This case can no longer be withdrawn.');
    expect(approvalProblemText(problem(500, 'internal'), t, 'Not done.')).toBe('Not done.');
    await initTestI18n('zh-CN');
    expect(approvalProblemText(problem(422, 'authorityExceeded'), i18next.getFixedT(null, 'approval'), '未完成。')).toBe('金额超出您的审批权限。');
  });

  it("takes a conflict, or a 409 it does not know, for another approver's action first", () => {
    const t = i18next.getFixedT(null, 'approval');
    expect(actedFirst(problem(409, 'conflict'))).toBe(true);
    expect(actedFirst(problem(409, 'staleTask'))).toBe(true);
    expect(approvalProblemText(problem(409, 'staleTask'), t, 'Not done.')).toBe('Someone else acted on this task first.');
    expect(actedFirst(problem(409, 'withdrawNotAllowed'))).toBe(false);
    expect(actedFirst(problem(409, 'notYourTurn'))).toBe(false);
    expect(approvalProblemText(problem(409, 'notYourTurn'), t, 'Not done.')).toBe('It is not your turn yet: an earlier approver must act first.');
    expect(actedFirst(problem(403, 'notAssignee'))).toBe(false);
  });
});
