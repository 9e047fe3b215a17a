/** Who a task or notification goes to: assignee rules, roles in the initiator's branch, authority limits, escalation. */
import type { ApprovalNode, AssigneeRule } from '../../definition/flow-definition.js';
import type { Actor } from '../commands.js';
import type { EventData } from '../events/flow-event.js';
import { toJson, toNumber } from '../values.js';
import { feel } from './expressions.js';
import type { Run } from './run.js';

/** The users the rules name, without duplicates or blanks (and without the initiator when `excludeInitiator`). */
export function resolveAssignees(run: Run, rules: readonly AssigneeRule[], excludeInitiator: boolean): string[] {
  const ini = run.state.initiator;
  const out: string[] = [];
  for (const r of rules) {
    switch (r.kind) {
      case 'user':
        out.push(r.userId);
        break;
      case 'role':
        out.push(...run.directory().usersInRole(r.role));
        break;
      case 'branchRole':
        if (ini.branch !== undefined) out.push(...run.directory().usersInRoleAtBranch(r.role, ini.branch));
        break;
      case 'manager': {
        // the chain the initiator started with first: it is what they saw when they submitted
        const m = ini.managerChain?.[r.levels - 1] ?? run.directory().managerOf(ini.userId, r.levels);
        if (m !== undefined) out.push(m);
        break;
      }
      case 'expression': {
        const v = toJson(feel(run, r.feel, 'assignee'));
        if (typeof v === 'string') out.push(v);
        else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
        break;
      }
    }
  }
  return [...new Set(out)].filter((u) => u !== '' && (!excludeInitiator || u !== ini.userId));
}

/** Holders of a role in the initiator's branch, or anywhere when the branch has none. */
function roleUsers(run: Run, role: string): readonly string[] {
  const branch = run.state.initiator.branch;
  if (branch !== undefined) {
    const local = run.directory().usersInRoleAtBranch(role, branch);
    if (local.length > 0) return local;
  }
  return run.directory().usersInRole(role);
}

/** An approver above their authority: the next authority (or their manager) must approve after them. */
export function authorityRoute(run: Run, node: ApprovalNode, u: string, actor: Actor): EventData<'authorityRouted'> | null {
  const limits = node.authorityLimits ?? [];
  if (limits.length === 0) return null;
  const roles = actor.roles ?? [];
  for (const av of new Set(limits.map((l) => l.amountVariable))) {
    const amount = toNumber(run.state.variables[av]);
    if (amount === undefined) continue;
    const chain = limits.filter((l) => l.amountVariable === av);
    const mine = chain.filter((l) => roles.includes(l.role));
    if (mine.length === 0) continue;
    const limit = Math.max(...mine.map((l) => l.upTo));
    if (amount <= limit) continue;
    const higher = chain.filter((l) => l.upTo > limit).sort((a, b) => a.upTo - b.upTo);
    const target = higher.find((l) => l.upTo >= amount) ?? higher[higher.length - 1];
    let users: string[];
    if (target !== undefined) users = [...roleUsers(run, target.role)];
    else {
      const m = run.directory().managerOf(u, 1);
      users = m === undefined ? [] : [m];
    }
    users = [...new Set(users)].filter((x) => x !== u && x !== run.state.initiator.userId);
    if (users.length > 0) return { to: users, approver: u, limit };
  }
  return null;
}

/** Whom a timed-out task escalates to from `from`: a role, or each one's manager; never the initiator or `from` themselves. */
export function escalationTargets(run: Run, node: ApprovalNode, from: readonly string[]): string[] {
  const targets: string[] = [];
  const esc = node.timeout?.escalateTo ?? { manager: true };
  if ('role' in esc) targets.push(...roleUsers(run, esc.role));
  else
    for (const u of from) {
      const m = run.directory().managerOf(u, 1);
      if (m !== undefined) targets.push(m);
    }
  return [...new Set(targets)].filter((u) => u !== run.state.initiator.userId && !from.includes(u));
}
