import type { AutomationCheckContext, FlowCheckContext } from '@bankforge/flow-engine';
import type { FormCheckContext } from '@bankforge/form-engine';
import type { DashboardCheckContext } from '@bankforge/report-engine';
import type { ArtifactElement, ArtifactKindDefinition, ArtifactProblem } from '@bankforge/rule-engine';
import type { Actor } from '../access/actor.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import type { MigrationPlan } from '../metadata/migration-plan.js';
import { ARTIFACT_KINDS, type ArtifactKind } from './artifact-kinds.js';

/**
 * What the server answers the kinds' checks: every lookup an engine asks for, read in the
 * transaction of the save or publish, plus what the server's own rules need.
 */
export interface ServerCheckContext extends FormCheckContext, FlowCheckContext, DashboardCheckContext, AutomationCheckContext {
  readonly sql: SqlExecutor;
  /** True when the artifact has a published version. */
  isPublished(kind: string, key: string): Promise<boolean>;
}

/**
 * A kind as the server registers it: an engine's kind (or the server's own, for apps), its checks
 * widened with the server's rules where it has some, and what publishing does beyond storing a
 * version (an entity's table change).
 */
export interface ServerArtifactKind extends ArtifactKindDefinition<unknown, ServerCheckContext> {
  readonly kind: ArtifactKind;
  /** Applies a publish to the data (in the publish's transaction); what it did is answered with the publish. */
  applyPublish?(
    sql: SqlExecutor,
    document: unknown,
    confirmDataLoss: boolean,
    by: Actor,
  ): Promise<{ migration?: MigrationPlan }>;
  /** What `applyPublish` would do to the draft, without doing it. */
  plan?(sql: SqlExecutor, document: unknown): Promise<MigrationPlan>;
  /**
   * The document's elements named with what it references, as published now (a form's fields by
   * their entity's labels); without it, `elements` names them from the document alone.
   */
  namedElements?(sql: SqlExecutor, document: unknown): Promise<readonly ArtifactElement[]>;
}

type ServerRule = (
  document: unknown,
  context: ServerCheckContext,
) => Promise<readonly ArtifactProblem[]> | readonly ArtifactProblem[];

/**
 * An engine's kind as the server registers it, with the server's rules around the engine's check:
 * `before` guards what the engine would walk (a filter's depth), `after` runs when the engine finds
 * nothing wrong, so it may rely on the engine's rules holding. (The engines type their documents
 * and contexts; method parameters are bivariant, so each engine's kind is one of the server's.)
 */
export function serverKind(
  engine: ArtifactKindDefinition<unknown, ServerCheckContext>,
  rules: { before?: ServerRule; after?: ServerRule } = {},
): ServerArtifactKind {
  const kind = ARTIFACT_KINDS.find((k) => k === engine.kind);
  if (kind === undefined) throw new Error(`The server serves no artifact kind ${engine.kind}`);
  return {
    kind,
    schema: engine.schema,
    upgrade: (document) => engine.upgrade(document),
    ...(engine.elements ? { elements: (document: unknown) => engine.elements!(document) } : {}),
    async check(document, context) {
      const guarded = rules.before ? await rules.before(document, context) : [];
      if (guarded.length > 0) return guarded;
      const problems = await engine.check(document, context);
      return problems.length > 0 || !rules.after ? problems : rules.after(document, context);
    },
  };
}
