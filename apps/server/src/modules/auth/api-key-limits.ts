import type { ApiKeySummary } from '@bankforge/client';
import { RECORD_OPERATIONS } from '../access/role.js';
import type { ProblemFieldError } from '../../platform/problem/problem-error.js';

/** The operations as the designer's role matrix names them in Chinese. */
const OPERATION_NAMES: Record<string, string> = { create: '新建', read: '查看', update: '修改', delete: '删除', export: '导出', transfer: '转移', import: '导入' };

/**
 * What is wrong with a key's scope: an operation that is not a record operation, an entity that is
 * not published, or a branch data scope without a branch (which would reach nothing). Pure: the
 * caller says which of the named entities are published.
 */
export function apiKeyLimitsProblems(limits: Pick<ApiKeySummary, 'scope' | 'branch'>, published: ReadonlySet<string>): ProblemFieldError[] {
  const problems: ProblemFieldError[] = [];
  for (const [entity, operations] of Object.entries(limits.scope?.entities ?? {})) {
    if (!published.has(entity)) {
      problems.push({
        path: `/scope/entities/${entity}`,
        code: 'entityNotPublished',
        message: `No published entity is called ${entity}.`,
        messageZh: `没有已发布的实体 ${entity}。`,
      });
    }
    operations.forEach((operation, i) => {
      if (!(RECORD_OPERATIONS as readonly string[]).includes(operation)) {
        problems.push({
          path: `/scope/entities/${entity}/${i}`,
          code: 'unknownOperation',
          message: `${operation.slice(0, 32)} is not an operation; use ${RECORD_OPERATIONS.join(', ')}.`,
          messageZh: `${operation.slice(0, 32)} 不是可授予的操作，可用：${RECORD_OPERATIONS.map((op) => (OPERATION_NAMES[op] ? `${op}（${OPERATION_NAMES[op]}）` : op)).join('、')}。`,
        });
      }
    });
  }
  if (limits.scope?.dataScope === 'branch' && limits.branch === null) {
    problems.push({
      path: '/branch',
      code: 'branchRequired',
      message: 'A key scoped to a branch must be bound to one.',
      messageZh: '数据范围为“本机构”的密钥须指定所属机构。',
    });
  }
  return problems;
}
