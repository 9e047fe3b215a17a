import type { UserSummary } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { knownBranches, searchUsers } from './user-search.js';

const user = (username: string, displayName: string, branch: string | null, roles: string[]): UserSummary => ({ id: username, username, displayName, branch, managerId: null, roles, active: true, locked: false });
const users = [user('wang_fang', '王芳', 'SH01', ['relationship_manager']), user('zhang_wei', '张伟', 'HQ', ['credit_officer']), user('admin', 'Administrator', null, ['administrator'])];
const names = (u: UserSummary) => u.roles.map((r) => ({ relationship_manager: '客户经理 Relationship manager', credit_officer: '信贷审批员 Credit officer' })[r] ?? r);

describe('searchUsers', () => {
  it('finds by username, name, branch and role name, every word, ignoring case', () => {
    expect(searchUsers(users, 'WANG', names).map((u) => u.username)).toEqual(['wang_fang']);
    expect(searchUsers(users, '张伟', names).map((u) => u.username)).toEqual(['zhang_wei']);
    expect(searchUsers(users, 'hq', names).map((u) => u.username)).toEqual(['zhang_wei']);
    expect(searchUsers(users, '客户经理', names).map((u) => u.username)).toEqual(['wang_fang']);
    expect(searchUsers(users, 'credit hq', names).map((u) => u.username)).toEqual(['zhang_wei']);
    expect(searchUsers(users, 'credit sh01', names)).toEqual([]);
    expect(searchUsers(users, '  ', names)).toHaveLength(3);
  });

  it('lists the branches people carry once, sorted', () => {
    expect(knownBranches([...users, user('li', '李', 'SH01', [])])).toEqual(['HQ', 'SH01']);
  });
});
