import type { AppLanding, RuntimeOwnPage } from '@bankforge/client';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import type { ArtifactProblem } from '@bankforge/rule-engine';
import type { AppArtifact } from './artifact-kinds.js';
import type { SqlExecutor } from '../../platform/database/database.js';

/** The runtime's own pages an app may open on for a role (the inbox, the reader's cases, the audit viewer). */
export const RUNTIME_OWN_PAGES = ['inbox', 'cases', 'audit'] as const satisfies readonly RuntimeOwnPage[];

/** The schema of an app's `landing`: per role, where the app opens and the entity pages it uses most. */
export const appLandingSchema = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['role'],
    additionalProperties: false,
    properties: {
      role: { type: 'string', pattern: IDENTIFIER_PATTERN },
      entity: { type: 'string', pattern: IDENTIFIER_PATTERN },
      page: { enum: [...RUNTIME_OWN_PAGES] },
      menu: { type: 'array', maxItems: 1000, uniqueItems: true, items: { type: 'string', pattern: IDENTIFIER_PATTERN } },
    },
  },
} as const;

/**
 * What the schema cannot say of an app's landing entries: each opens on one place (an entity page
 * of the app or a runtime page, not both, not neither), names only the app's own entity pages,
 * and a role has one entry (a second would never apply).
 */
export function landingProblems(app: AppArtifact): ArtifactProblem[] {
  const entities = new Set(app.artifacts.filter((ref) => ref.kind === 'entity').map((ref) => ref.key));
  const seen = new Set<string>();
  const problems: ArtifactProblem[] = [];
  for (const [index, entry] of (app.landing ?? []).entries()) {
    const path = `/landing/${index}`;
    const { entity, page } = entry as Partial<{ entity: string; page: string }>;
    if ((entity === undefined) === (page === undefined)) {
      problems.push({
        path,
        code: 'landingTarget',
        message: `The landing of ${entry.role} names either an entity page of the app or a runtime page (${RUNTIME_OWN_PAGES.join(', ')}), one of them`,
        messageZh: `${entry.role} 的首页须指定应用中的一个实体页面或一个运行时页面（${RUNTIME_OWN_PAGES.join('、')}），二者选一`,
      });
    }
    if (entity !== undefined && !entities.has(entity)) problems.push(notInApp(`${path}/entity`, entity));
    for (const [at, key] of (entry.menu ?? []).entries()) if (!entities.has(key)) problems.push(notInApp(`${path}/menu/${at}`, key));
    if (seen.has(entry.role)) {
      problems.push({ path: `${path}/role`, code: 'duplicate', message: `The role ${entry.role} has a landing already`, messageZh: `角色 ${entry.role} 已有首页` });
    }
    seen.add(entry.role);
  }
  return problems;
}

function notInApp(path: string, key: string): ArtifactProblem {
  return { path, code: 'landingNotInApp', message: `${key} is no entity page of this app`, messageZh: `${key} 不是本应用的实体页面` };
}

/** Roles the landing names that the bank does not have: told on publish, not refused (the roles may come later; until then nobody lands there). */
export async function unknownLandingRoles(sql: SqlExecutor, app: AppArtifact): Promise<ArtifactProblem[]> {
  const entries = app.landing ?? [];
  if (entries.length === 0) return [];
  const known = new Set((await sql.rows<{ role_key: string }>('SELECT role_key FROM bf_role')).map((row) => row.role_key));
  return entries.flatMap((entry: AppLanding, index) =>
    known.has(entry.role)
      ? []
      : [{ path: `/landing/${index}/role`, code: 'unknownRole', message: `${entry.role} is no role of the bank: nobody lands here yet`, messageZh: `${entry.role} 不是银行已有的角色：暂无人使用此首页` }],
  );
}
