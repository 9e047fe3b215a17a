/**
 * The `automation` artifact kind: its schema, and a check that refuses an automation the runner
 * could not run (colliding ids, FEEL that does not compile, unreal durations, times and zones) and,
 * on publish, one naming entities that are not published or fields they do not have, flows,
 * decisions and calendars that are not published, or segments, connectors, users and roles the
 * server does not have (a private segment too).
 */
import type { EntityDefinition } from '@bankforge/data-model';
import type { ArtifactCheckContext, ArtifactElement, ArtifactKindDefinition, ArtifactProblem } from '@bankforge/rule-engine';
import { unchangedDocument } from '@bankforge/rule-engine';
import type { AutomationDefinition } from './automation-definition.js';
import { automationFieldProblems, automationProblems } from './automation-problems.js';
import { automationArtifactSchema } from './automation-schema.js';
import { configurationProblems, type ConfigurationLookup } from './configured-references.js';

export type { AutomationSegment } from './configured-references.js';

/** What an automation's check asks its host. */
export interface AutomationCheckContext extends ArtifactCheckContext, ConfigurationLookup {
  /** The latest published version of an entity, or undefined. */
  entity(key: string): Promise<EntityDefinition | undefined>;
  /** Whether an artifact (a flow, a decision, a calendar) has a published version. */
  isPublished(kind: string, key: string): Promise<boolean>;
}

/** The flows, decisions and calendars an automation names, with where: each must be published for it to run. */
function artifactReferences(automation: AutomationDefinition): { kind: 'flow' | 'decision' | 'calendar'; key: string; path: string }[] {
  const refs: { kind: 'flow' | 'decision' | 'calendar'; key: string; path: string }[] = [];
  const trigger = automation.trigger;
  if (trigger.type === 'case') refs.push({ kind: 'flow', key: trigger.flow, path: '/trigger/flow' });
  if (trigger.type === 'schedule' && trigger.calendar !== undefined) refs.push({ kind: 'calendar', key: trigger.calendar, path: '/trigger/calendar' });
  for (const [i, action] of automation.actions.entries()) {
    if (action.type === 'startFlow') refs.push({ kind: 'flow', key: action.flow, path: `/actions/${i}/flow` });
    if (action.type === 'evaluateDecision') refs.push({ kind: 'decision', key: action.decision, path: `/actions/${i}/decision` });
    if (action.type === 'wait' && action.calendar !== undefined) refs.push({ kind: 'calendar', key: action.calendar, path: `/actions/${i}/calendar` });
  }
  return refs;
}

const KIND_ZH = { flow: '流程', decision: '决策', calendar: '工作日历' } as const;

async function referenceProblems(automation: AutomationDefinition, context: AutomationCheckContext): Promise<ArtifactProblem[]> {
  const problems: ArtifactProblem[] = [];
  for (const { kind, key, path } of artifactReferences(automation)) {
    if (await context.isPublished(kind, key)) continue;
    problems.push({ path, code: `${kind}NotPublished`, message: `${kind} ${key} is not published`, messageZh: `${KIND_ZH[kind]} ${key} 尚未发布` });
  }
  return problems;
}

/** The entity keys an automation names: its trigger's, each createRecord's and each other record an update targets. */
export function automationEntities(automation: AutomationDefinition): string[] {
  const keys = new Set<string>();
  const trigger = automation.trigger;
  if (trigger.type !== 'case' && trigger.entity !== undefined) keys.add(trigger.entity);
  for (const action of automation.actions) {
    if (action.type === 'createRecord') keys.add(action.entity);
    if (action.type === 'updateRecord' && action.target) keys.add(action.target.entity);
  }
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
    const configuration = await configurationProblems(automation, context);
    // A paused automation may wait for its configuration (shipped before the SMS gateway is set
    // up): said as warnings; publishing it enabled requires it.
    if (automation.enabled === false) for (const problem of configuration) context.warn(problem);
    return [...automationFieldProblems(automation, entities), ...(await referenceProblems(automation, context)), ...(automation.enabled === false ? [] : configuration)];
  },
  elements(automation): ArtifactElement[] {
    return [
      { type: 'trigger', id: 'trigger', path: '/trigger' },
      ...automation.actions.map((action, i) => ({ type: 'action', id: action.id, path: `/actions/${i}` })),
    ];
  },
};
