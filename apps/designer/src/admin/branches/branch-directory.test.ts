import type { UserSummary } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { branchDirectory, type TeamMember } from './branch-directory.js';

const person = (id: string, branch: string | null, managerId: string | null = null): UserSummary => ({ id, username: id, displayName: id, branch, managerId, roles: [], active: true, locked: false });
const shape = (member: TeamMember): unknown => ({ [member.user.id]: member.reports.map(shape), ...(member.managerElsewhere ? { elsewhere: member.managerElsewhere.id } : {}) });

describe('branchDirectory', () => {
  it('groups people by branch code with their reporting lines, across branches noted', () => {
    const users = [
      person('wu', 'HQ'),
      person('chen', 'SH01', 'wu'),
      person('wang', 'SH01', 'chen'),
      person('li', 'SH01', 'chen'),
      person('zhang', 'HQ', 'wu'),
      person('admin', null),
    ];
    const branches = branchDirectory(users);
    expect(branches.map((b) => [b.code, b.people])).toEqual([
      ['HQ', 2],
      ['SH01', 3],
      [null, 1],
    ]);
    expect(branches[0]!.teams.map(shape)).toEqual([{ wu: [{ zhang: [] }] }]);
    expect(branches[1]!.teams.map(shape)).toEqual([{ chen: [{ li: [] }, { wang: [] }], elsewhere: 'wu' }]);
  });

  it('lists people caught in a reporting loop rather than losing them', () => {
    const branches = branchDirectory([person('a', 'X', 'b'), person('b', 'X', 'a')]);
    expect(branches[0]!.teams.flatMap(function all(m: TeamMember): string[] {
      return [m.user.id, ...m.reports.flatMap(all)];
    }).sort()).toEqual(['a', 'b']);
  });
});
