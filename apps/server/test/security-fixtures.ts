import type { EntityDefinition } from '@bankforge/data-model';
import type { RoleDefinition } from '../src/modules/access/role.js';
import { field } from './fixtures.js';
import type { Requester, TestServer } from './harness.js';

/** A customer with personal data: sensitive fields, a hidden one, indexed ones to filter and sort on. */
export const clientEntity: EntityDefinition = {
  kind: 'entity',
  key: 'client',
  title: 'Client',
  label: { en: 'Client', 'zh-CN': '客户' },
  fields: [
    field('c_name', 'name', 'text', { required: true, indexed: true }),
    field('c_mobile', 'mobile', 'mobile', { sensitive: true, indexed: true }),
    field('c_rid', 'resident_id', 'residentId', { sensitive: true, unique: true }),
    field('c_income', 'income', 'decimal', { precision: 14, scale: 2, indexed: true }),
    field('c_segment', 'segment', 'singleSelect', {
      indexed: true,
      options: ['mass', 'affluent'].map((value) => ({ value, label: { en: value, 'zh-CN': value } })),
    }),
    field('c_notes', 'notes', 'text'),
  ],
};

export const PASSWORD = 'Branch-Pass-2026';

export const ROLES: RoleDefinition[] = [
  {
    key: 'relationship_manager',
    label: { en: 'Relationship manager', 'zh-CN': '客户经理' },
    entities: {
      client: {
        create: 'own',
        read: 'own',
        update: 'own',
        export: 'own',
        fields: { name: { access: 'masked', mask: { strategy: 'keep', keepFirst: 1, keepLast: 0 } }, resident_id: { access: 'masked' }, income: { access: 'hidden' }, segment: { access: 'readonly' } },
      },
    },
  },
  {
    key: 'team_lead',
    label: { en: 'Team lead' },
    entities: { client: { create: 'own', read: 'team', update: 'team', export: 'team', fields: { resident_id: { access: 'masked' } } } },
  },
  {
    key: 'branch_manager',
    label: { en: 'Branch manager', 'zh-CN': '支行行长' },
    entities: { client: { read: 'branch', delete: 'branch', export: 'branch', unmask: true, fields: { resident_id: { access: 'masked' } } } },
    artifacts: { report: ['edit'] },
  },
  {
    key: 'auditor',
    label: { en: 'Internal audit' },
    entities: { client: { read: 'all', fields: { mobile: { access: 'masked' }, resident_id: { access: 'masked' } } } },
  },
  { key: 'designer', label: { en: 'Business analyst' }, artifacts: { entity: ['edit', 'publish'] } },
];

/** Shanghai: bm_sh manages tl_sh, who manages rm_a; rm_b reports to bm_sh directly. Beijing: rm_c under bm_bj. */
export const USERS = [
  { username: 'bm_sh', branch: 'SH', roles: ['branch_manager'], manager: null },
  { username: 'tl_sh', branch: 'SH', roles: ['team_lead'], manager: 'bm_sh' },
  { username: 'rm_a', branch: 'SH', roles: ['relationship_manager'], manager: 'tl_sh' },
  { username: 'rm_b', branch: 'SH', roles: ['relationship_manager'], manager: 'bm_sh' },
  { username: 'bm_bj', branch: 'BJ', roles: ['branch_manager'], manager: null },
  { username: 'rm_c', branch: 'BJ', roles: ['relationship_manager'], manager: 'bm_bj' },
  { username: 'auditor', branch: 'HQ', roles: ['auditor'], manager: null },
  { username: 'analyst', branch: 'HQ', roles: ['designer'], manager: null },
] as const;

export type Username = (typeof USERS)[number]['username'];

/** Creates the roles and users above through the admin API and signs each user in. */
export async function seedPeople(server: TestServer): Promise<{ as: Record<Username, Requester>; ids: Record<Username, string> }> {
  for (const role of ROLES) {
    const saved = await server.request('PUT', `/api/auth/roles/${role.key}`, role);
    if (saved.status !== 200) throw new Error(`role ${role.key}: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
  const ids = {} as Record<Username, string>;
  for (const user of USERS) {
    const created = await server.request<{ id: string }>('POST', '/api/auth/users', {
      username: user.username,
      displayName: user.username,
      branch: user.branch,
      roles: user.roles,
      managerId: user.manager ? ids[user.manager] : null,
      password: PASSWORD,
    });
    if (created.status !== 201) throw new Error(`user ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
    ids[user.username] = created.body.id;
  }
  const as = {} as Record<Username, Requester>;
  for (const user of USERS) as[user.username] = await server.signIn(user.username, PASSWORD);
  return { as, ids };
}
