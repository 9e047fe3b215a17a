import type { UserSummary } from '@bankforge/client';

/** A person in a branch's team tree, with the people reporting to them in the same branch. */
export interface TeamMember {
  user: UserSummary;
  reports: TeamMember[];
  /** Their manager when that manager is in another branch (a branch manager reporting to head office). */
  managerElsewhere?: UserSummary;
}

export interface Branch {
  /** The branch code; null for people without one. */
  code: string | null;
  people: number;
  /** Those without a manager in the branch, each with their team below. */
  teams: TeamMember[];
}

/**
 * The bank's branches as its people carry them, each with its reporting lines: the server's data
 * scopes read exactly these (branch: the same code; team: everyone below a person). Branches in code
 * order, people without a branch last; people by name.
 */
export function branchDirectory(users: readonly UserSummary[]): Branch[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  const byName = (a: UserSummary, b: UserSummary) => a.displayName.localeCompare(b.displayName) || a.username.localeCompare(b.username);
  const codes = [...new Set(users.map((u) => u.branch))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return codes.map((code) => {
    const members = users.filter((u) => u.branch === code).sort(byName);
    const inBranch = new Set(members.map((u) => u.id));
    const seen = new Set<string>();
    const member = (user: UserSummary): TeamMember => {
      seen.add(user.id);
      const manager = user.managerId ? byId.get(user.managerId) : undefined;
      return {
        user,
        // A loop in bad data cannot recurse forever: nobody is placed twice.
        reports: members.filter((u) => u.managerId === user.id && !seen.has(u.id)).map(member),
        ...(manager && !inBranch.has(manager.id) ? { managerElsewhere: manager } : {}),
      };
    };
    const teams = members.filter((u) => !u.managerId || !inBranch.has(u.managerId)).map(member);
    // People caught in a reporting loop within the branch have no top: they are listed as their own teams.
    for (const user of members) if (!seen.has(user.id)) teams.push(member(user));
    return { code, people: members.length, teams };
  });
}
