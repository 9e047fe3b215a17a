import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { unchangedDocument, type ArtifactProblem } from '@bankforge/rule-engine';
import { ARTIFACT_KINDS, type AppArtifact } from './artifact-kinds.js';
import { appLandingSchema, landingProblems, unknownLandingRoles } from './app-landing.js';
import type { ServerArtifactKind } from './server-kind.js';
import { recordPageDuplicates, recordPageProblems, recordPagesSchema } from '../record-overview/record-page-design.js';

/** The `app` kind is the server's own: an app is what the server publishes, exports and imports together. */
const appSchema = {
  type: 'object',
  required: ['kind', 'key', 'title', 'artifacts'],
  properties: {
    kind: { const: 'app' },
    key: { type: 'string', pattern: IDENTIFIER_PATTERN },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    schemaVersion: { type: 'integer', minimum: 1 },
    label: {
      type: 'object',
      required: ['en', 'zh-CN'],
      additionalProperties: false,
      properties: {
        en: { type: 'string', minLength: 1, maxLength: 200 },
        'zh-CN': { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    artifacts: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['kind', 'key'],
        additionalProperties: false,
        properties: {
          kind: { enum: ARTIFACT_KINDS.filter((k) => k !== 'app') },
          key: { type: 'string', pattern: IDENTIFIER_PATTERN },
        },
      },
    },
    recordPages: recordPagesSchema,
    landing: appLandingSchema,
  },
};

/** An app lists each artifact once: a page twice in the menu is a mistake, not a wish. */
function duplicateContents(app: AppArtifact): ArtifactProblem[] {
  const seen = new Set<string>();
  return app.artifacts.flatMap((ref, index) => {
    const id = `${ref.kind}:${ref.key}`;
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [
      {
        path: `/artifacts/${index}`,
        code: 'duplicate',
        message: `${ref.kind} ${ref.key} is in the app already`,
        messageZh: `${ref.kind} ${ref.key} 已在应用中`,
      },
    ];
  });
}

/** The runtime's own pages sit beside the apps at the root (`/inbox`, `/tasks/…`): no app may take their names. */
export const RESERVED_APP_KEYS: readonly string[] = ['inbox', 'tasks', 'cases', 'audit', 'dashboards', 'login', 'designer', 'api'];

function reservedKey(app: AppArtifact): ArtifactProblem[] {
  if (!RESERVED_APP_KEYS.includes(app.key)) return [];
  return [{ path: '/key', code: 'reservedKey', message: `${app.key} is a page of the runtime; choose another key`, messageZh: `${app.key} 是运行时的页面，请换一个标识` }];
}

export const appKind: ServerArtifactKind = {
  kind: 'app',
  schema: appSchema,
  upgrade: unchangedDocument,
  async check(document, context) {
    const app = document as AppArtifact;
    const duplicates = [...reservedKey(app), ...duplicateContents(app), ...recordPageDuplicates(app), ...landingProblems(app)];
    if (duplicates.length > 0 || context.stage === 'save') return duplicates;
    for (const problem of await unknownLandingRoles(context.sql, app)) context.warn(problem);
    // An app can only list published artifacts: its users would otherwise open nothing.
    const problems: ArtifactProblem[] = [];
    for (const [index, ref] of app.artifacts.entries()) {
      if (!(await context.isPublished(ref.kind, ref.key))) {
        problems.push({
          path: `/artifacts/${index}`,
          code: 'artifactNotPublished',
          message: `${ref.kind} ${ref.key} is not published.`,
        });
      }
    }
    // The record pages name published entities' fields: checked once the app's entities are published.
    return problems.length > 0 ? problems : recordPageProblems(app, (key) => context.entity(key));
  },
  // The app's pages, by the artifact each opens: reordering the menu is a move, not every page changed.
  elements: (document) =>
    (document as AppArtifact).artifacts.map((ref, index) => ({ type: 'page', id: `${ref.kind}:${ref.key}`, path: `/artifacts/${index}`, label: { en: ref.key } })),
};
