/**
 * The rules of an approval task, as pure functions of its bookkeeping: who may act now, how many
 * approvals a percentage needs, when the task is complete.
 */
import type { ApprovalMode, ApprovalNode } from '../definition/flow-definition.js';
import type { Actor } from './commands.js';
import type { Task } from './state.js';

export function hasApproved(task: Task, u: string): boolean {
  return (task.ok ?? []).includes(u) || (task.grp ?? []).some((g) => g.ok === u);
}

/** `u` added approvers "before" themselves who have not approved yet. */
export function blocked(task: Task, u: string): boolean {
  return (task.grp ?? []).some((g) => g.p === 'b' && g.by === u && g.ok === undefined);
}

/** Users who may approve (or otherwise decide) now. */
export function actionable(task: Task, mode: ApprovalMode): string[] {
  const out: string[] = [];
  const base = mode === 'sequential' ? task.who.slice(0, 1) : task.who;
  for (const u of base) if (!blocked(task, u)) out.push(u);
  for (const g of task.grp ?? []) {
    if (g.ok !== undefined) continue;
    if (g.p === 'b' || hasApproved(task, g.by)) for (const u of g.u) if (!out.includes(u)) out.push(u);
  }
  return out;
}

/** The approvals `percentage` needs of `n` assignees: the least k with k/n ≥ p% (shares rounded to 0.01%, so 2 of 3 meets 66.67). */
export function requiredApprovals(n: number, percentage: number): number {
  for (let k = 1; k <= n; k++) if (Math.round((k * 10_000) / n) / 100 >= percentage) return k;
  return n;
}

export function isComplete(task: Task, node: ApprovalNode): boolean {
  if ((task.grp ?? []).some((g) => g.ok === undefined)) return false;
  const ok = task.ok?.length ?? 0;
  switch (node.mode) {
    case 'single':
    case 'any':
      return ok >= 1;
    case 'all':
    case 'sequential':
      return task.who.length === 0;
    case 'percentage':
      return ok >= requiredNow(task, node);
  }
}

/**
 * Approvals a `percentage` task needs now: the count fixed when it opened, but never more than
 * the distinct people who approved or still may (escalating two seats to one manager must not
 * make the vote unreachable, nor let one person fill two seats while others still sit).
 */
export function requiredNow(task: Task, node: ApprovalNode): number {
  const req = task.req ?? requiredApprovals(task.all.length, node.percentage ?? 100);
  return Math.min(req, (task.ok?.length ?? 0) + task.who.length + (task.no?.length ?? 0));
}

export function isAdmin(actor: Actor): boolean {
  return actor.admin === true || (actor.roles ?? []).includes('admin');
}
