import type { UserSummary } from '@bankforge/client';

/**
 * The users a search finds: every word of it appears in the username, the name, the branch or the
 * name of a role they hold (any language the caller passes), ignoring case. An empty search finds all.
 */
export function searchUsers(users: readonly UserSummary[], query: string, roleNames: (user: UserSummary) => readonly string[]): UserSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [...users];
  return users.filter((user) => {
    const text = [user.username, user.displayName, user.branch ?? '', ...user.roles, ...roleNames(user)].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The branch codes people carry, sorted, for the branch field's suggestions. */
export function knownBranches(users: readonly UserSummary[]): string[] {
  return [...new Set(users.flatMap((u) => (u.branch ? [u.branch] : [])))].sort();
}

export const USERNAME = /^[A-Za-z0-9._-]{2,64}$/;
