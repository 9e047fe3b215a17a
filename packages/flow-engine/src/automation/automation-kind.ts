/**
 * The `automation` artifact kind: its schema, and a check that refuses an automation the runner
 * could not run (colliding ids, FEEL that does not compile, unreal durations, times and zones) and,
 * on publish, one naming entities that are not published or fields they do not have.
 */
import type { EntityDefinition } from '@bankforge/data-model';
import type { ArtifactCheckContext, ArtifactKindDefinition, ArtifactElement } from '@bankforge/rule-engine';
import { unchangedDocument } from '@bankforge/rule-engine';
import type { AutomationDefinition } from './automation-definition.js';
import { automationFieldProblems, automationProblems } from './automation-problems.js';
import { automationArtifactSchema } from './automation-schema.js';

/** What an automation's check asks its host. */
export interface AutomationCheckContext extends ArtifactCheckContext {
  /** The latest published version of an entity, or undefined. */
  entity(key: string): Promise<EntityDefinition | undefined>;
}

/** The entity keys an automation names: its trigger's and each createRecord's. */
export function automationEntities(automation: AutomationDefinition): string[] {
  const keys = new Set<string>();
  const trigger = automation.trigger;
  if (trigger.type !== 'case' && trigger.entity !== undefined) keys.add(trigger.entity);
  for (const action of automation.actions) if (action.type === 'createRecord') keys.add(action.entity);
  return [...keys];
}

export const automationKind: ArtifactKindDefinition<AutomationDefinition, AutomationCheckContext> = {
  kind: 'automation',
  schema: automationArtifactSchema,
  upgrade: unchangedDocument,
  async check(automation, context) {
    const { identity, rest } = automationProblems(automation);
    // A half-written expression is an analyst's work in progress: it saves, and keeps the automation from being published.
    if (context.stage === 'save') return identity;
    if (identity.length > 0 || rest.length > 0) return [...identity, ...rest];
    const entities = new Map<string, EntityDefinition>();
    for (const key of automationEntities(automation)) {
      const entity = await context.entity(key);
      if (entity) entities.set(key, entity);
    }
    return automationFieldProblems(automation, entities);
  },
  elements(automation): ArtifactElement[] {
    return [
      { type: 'trigger', id: 'trigger', path: '/trigger' },
      ...automation.actions.map((action, i) => ({ type: 'action', id: action.id, path: `/actions/${i}` })),
    ];
  },
};
