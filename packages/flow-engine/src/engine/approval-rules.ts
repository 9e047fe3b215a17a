/**
 * The rules of an approval task, as pure functions of its bookkeeping: who may act now, how many
 * approvals a percentage needs, when the task is complete.
 */
import type { ApprovalMode, ApprovalNode } from '../definition/flow-definition.js';
import type { Actor } from './commands.js';
import type { Task } from './state/flow-state.js';

export function hasApproved(task: Task, u: string): boolean {
  return (task.approvedBy ?? []).includes(u) || (task.approverGroups ?? []).some((g) => g.approvedBy === u);
}

/** `u` added approvers "before" themselves who have not approved yet. */
export function blocked(task: Task, u: string): boolean {
  return (task.approverGroups ?? []).some((g) => g.position === 'before' && g.addedBy === u && g.approvedBy === undefined);
}

/** Users who may approve (or otherwise decide) now. */
export function actionable(task: Task, mode: ApprovalMode): string[] {
  const out: string[] = [];
  const base = mode === 'sequential' ? task.pending.slice(0, 1) : task.pending;
  for (const u of base) if (!blocked(task, u)) out.push(u);
  for (const g of task.approverGroups ?? []) {
    if (g.approvedBy !== undefined) continue;
    if (g.position === 'before' || hasApproved(task, g.addedBy)) for (const u of g.users) if (!out.includes(u)) out.push(u);
  }
  return out;
}

/** The approvals `percentage` needs of `n` assignees: the least k with k/n ≥ p% (shares rounded to 0.01%, so 2 of 3 meets 66.67). */
export function requiredApprovals(n: number, percentage: number): number {
  for (let k = 1; k <= n; k++) if (Math.round((k * 10_000) / n) / 100 >= percentage) return k;
  return n;
}

export function isComplete(task: Task, node: ApprovalNode): boolean {
  if ((task.approverGroups ?? []).some((g) => g.approvedBy === undefined)) return false;
  const approvals = task.approvedBy?.length ?? 0;
  switch (node.mode) {
    case 'single':
    case 'any':
      return approvals >= 1;
    case 'all':
    case 'sequential':
      return task.pending.length === 0;
    case 'percentage':
      return approvals >= requiredNow(task, node);
  }
}

/**
 * Approvals a `percentage` task needs now: the count fixed when it opened, but never more than
 * the distinct people who approved or still may (escalating two seats to one manager must not
 * make the vote unreachable, nor let one person fill two seats while others still sit).
 */
export function requiredNow(task: Task, node: ApprovalNode): number {
  const required = task.approvalsRequired ?? requiredApprovals(task.assignees.length, node.percentage ?? 100);
  return Math.min(required, (task.approvedBy?.length ?? 0) + task.pending.length + (task.rejectedBy?.length ?? 0));
}

export function isAdmin(actor: Actor): boolean {
  return actor.admin === true || (actor.roles ?? []).includes('admin');
}
