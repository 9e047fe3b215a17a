/**
 * The `flow` artifact kind: its schema, and `validateFlowDefinition` as its check. On publish, the
 * decisions its decision nodes evaluate must be published (pinned versions must exist): a flow
 * would otherwise fail at the node, long after the analyst who published it moved on. And when the
 * flow binds its entity's records (`record`) and the entity is published, the fields the binding
 * reads and controls must be fields of that entity.
 */
import type { EntityDefinition } from '@bankforge/data-model';
import type {
  ArtifactCheckContext,
  ArtifactKindDefinition,
  ArtifactProblem,
  DecisionArtifact,
} from '@bankforge/rule-engine';
import { unchangedDocument } from '@bankforge/rule-engine';
import type { FlowDefinition } from './flow-definition.js';
import { flowElements } from './flow-elements.js';
import { flowArtifactSchema } from './flow-schema.js';
import { entityNotPublished, recordFieldProblems } from './record-field-problems.js';
import { validateFlowDefinition, type FlowProblemCode } from './validate-flow.js';

/** What a flow's check asks its host. */
export interface FlowCheckContext extends ArtifactCheckContext {
  /** The latest published version of a decision, or undefined. */
  decision(key: string): Promise<DecisionArtifact | undefined>;
  /** The latest published version of an entity, or undefined (as forms and reports ask it). */
  entity(key: string): Promise<EntityDefinition | undefined>;
}

async function decisionReferenceProblems(
  flow: FlowDefinition,
  context: FlowCheckContext,
): Promise<ArtifactProblem[]> {
  const problems: ArtifactProblem[] = [];
  for (const [index, node] of flow.nodes.entries()) {
    if (node.type !== 'decision') continue;
    const decision = await context.decision(node.decisionKey);
    if (!decision) {
      problems.push({
        path: `/nodes/${index}/decisionKey`,
        code: 'decisionNotPublished',
        message: `decision ${node.decisionKey} is not published`,
      });
    } else if (node.decisionVersion !== undefined && node.decisionVersion > (decision.version ?? 0)) {
      problems.push({
        path: `/nodes/${index}/decisionVersion`,
        code: 'decisionVersionNotPublished',
        message: `decision ${node.decisionKey} has no version ${node.decisionVersion}`,
      });
    }
  }
  return problems;
}

async function recordBindingProblems(flow: FlowDefinition, context: FlowCheckContext): Promise<ArtifactProblem[]> {
  if (flow.record === undefined || flow.entity === undefined) return [];
  const entity = await context.entity(flow.entity);
  if (entity === undefined) {
    context.warn(entityNotPublished(flow.entity));
    return [];
  }
  return recordFieldProblems(flow, entity);
}

/**
 * What keeps a draft from being saved: a document that is not a flow, or whose ids and references
 * do not hold together. A half-drawn flow (a step without an exit, an approval nobody is assigned
 * yet) is an analyst's work in progress: it saves, and its problems keep it from being published.
 */
const DRAFT_PROBLEMS = new Set<FlowProblemCode>([
  'notAnObject',
  'required',
  'unknownProperty',
  'type',
  'invalidValue',
  'pattern',
  'outOfRange',
  'invalid',
  'duplicateId',
  'duplicateVariable',
  'unknownEdgeEndpoint',
]);

export const flowKind: ArtifactKindDefinition<FlowDefinition, FlowCheckContext> = {
  kind: 'flow',
  schema: flowArtifactSchema,
  upgrade: unchangedDocument,
  async check(flow, context) {
    // The node and edge ids go along, so the designer can mark them on the canvas.
    const problems = validateFlowDefinition(flow);
    if (context.stage === 'save') return problems.filter((p) => DRAFT_PROBLEMS.has(p.code));
    if (problems.length > 0) return problems;
    return [...(await decisionReferenceProblems(flow, context)), ...(await recordBindingProblems(flow, context))];
  },
  elements: flowElements,
};
