import { Inject, Injectable } from '@nestjs/common';
import type { AutomationRunQuery, AutomationRunSummary, AutomationStepLog, AutomationTestInput, AutomationTestResult, InboundEventAccepted } from '@bankforge/client';
import { automationArtifactSchema, automationProblems, type AutomationDefinition, type FlowDefinition, type InboundTrigger } from '@bankforge/flow-engine';
import { Ajv } from 'ajv';
import { Database } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { problemErrorsOf } from '../../platform/request-validation/request-schema.js';
import type { Actor } from '../access/actor.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { AuditLog } from '../audit/audit-log.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { RecordsService } from '../records/records.service.js';
import { AutomationActions } from './automation-actions.js';
import { failureSaid } from './automation-failures.js';
import { runningAutomations } from './automation-intake.js';
import { automationNotFound, runNotFound } from './automation-requests.js';
import { AutomationRuns, runSummary } from './automation-run-store.js';
import { automationActor, evaluateFeel, holds, withoutSensitive, type RunContext } from './automation-scope.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

const validateDocument = new Ajv({ allErrors: true, strict: false }).compile(automationArtifactSchema);

/** Designers of automations read their runs, replay them and test drafts; replaying re-runs writes, so it takes the publish right. */
function requireDesigner(actor: Actor, right: 'edit' | 'publish'): void {
  if (actor.access.canDesign('automation', right)) return;
  const zh = right === 'edit' ? '查看和测试' : '重放';
  throw new ProblemError(403, 'forbidden', `Your roles do not allow you to ${right === 'edit' ? 'read and test' : 'replay'} automations.`, undefined, {
    kind: 'automation',
    right,
    messageZh: `您的角色不允许${zh}自动化。`,
  });
}

/** Administrators, and roles that list the event under `automationEvents` with `post` (an integration's API key), post inbound events. */
export function mayPostEvent(actor: Actor, event: string): boolean {
  return actor.access.admin || actor.access.roles.some((role) => (role.automationEvents && Object.hasOwn(role.automationEvents, event) ? role.automationEvents[event]!.includes('post') : false));
}

/** Runs as people and other systems reach them: the list, a replay, a test that writes nothing, an inbound event. */
@Injectable()
export class AutomationsService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(ArtifactsService) private readonly artifacts: ArtifactsService,
    @Inject(AutomationActions) private readonly actions: AutomationActions,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async runs(key: string, query: Required<Pick<AutomationRunQuery, 'limit'>> & AutomationRunQuery, actor: Actor): Promise<AutomationRunSummary[]> {
    requireDesigner(actor, 'edit');
    const rows = await this.database.read((sql) => AutomationRuns.list(sql, key, query.status, query.limit));
    if (rows.length === 0 && !(await this.published.latest('automation')).has(key)) await this.artifacts.draft('automation', key).catch(() => Promise.reject(automationNotFound(key)));
    return rows.map(runSummary);
  }

  /** A new run of the same trigger and context from the first action, on the automation's latest published version. */
  async replay(id: string, actor: Actor): Promise<AutomationRunSummary> {
    requireDesigner(actor, 'publish');
    return this.database.transaction(async (sql) => {
      const original = await AutomationRuns.read(sql, id);
      if (!original) throw runNotFound(id);
      const latest = (await this.published.latest('automation', sql)).get(original.automation_key);
      if (!latest) throw new ProblemError(409, 'automationNotPublished', `Automation ${original.automation_key} is no longer published.`, undefined, { messageZh: `自动化 ${original.automation_key} 已不再发布。` });
      const context = JSON.parse(original.context) as RunContext;
      const replayId = await AutomationRuns.insert(sql, {
        automation: original.automation_key,
        version: latest.version,
        trigger: 'replay',
        triggerKey: `replay:${timeOrderedId()}`,
        entity: original.entity,
        recordId: original.record_id,
        context: { ...context, results: {} },
        replayOf: original.id,
      });
      await this.audit.append(sql, actor, { action: 'automation', recordId: replayId!, detail: { change: 'replayed', automation: original.automation_key, run: original.id } });
      return runSummary((await AutomationRuns.read(sql, replayId!))!);
    });
  }

  /** Whether the trigger matches and what each action would do, up to the first wait, stop or failure. Writes nothing. */
  async test(key: string, input: AutomationTestInput, actor: Actor): Promise<AutomationTestResult> {
    requireDesigner(actor, 'edit');
    const automation = await this.testedDocument(key, input.document);
    const trigger = automation.trigger;
    // A case's record is of its flow's entity (when the flow binds one).
    const entity = trigger.type === 'case' ? ((await this.published.latest<FlowDefinition>('flow')).get(trigger.flow)?.document.entity ?? null) : (trigger.entity ?? null);
    let record: Record<string, unknown> | null = null;
    if (entity && input.recordId) {
      // A sample the tester may read, within their scope (not found otherwise, as a records read answers); its id only, so nothing is read to audit.
      const readable = await this.records.query(entity, { filter: { field: 'id', op: 'eq', value: input.recordId }, fields: ['id'], limit: 1 }, actor);
      const stored = readable.items.length > 0 ? await this.actions.storedRecord({ entity, recordId: input.recordId }) : null;
      if (!stored) throw new ProblemError(404, 'recordNotFound', `${entity} ${input.recordId} was not found.`, undefined, { messageZh: `未找到 ${entity} 记录 ${input.recordId}。` });
      record = withoutSensitive((await this.metadata.entity(entity)).definition, stored);
    }
    const context: RunContext = { results: {} };
    let matched = true;
    if (trigger.type === 'record') {
      // A sensitive value given as a sample stays out of scope, as it would in a run.
      const definition = entity ? (await this.metadata.entity(entity)).definition : undefined;
      const visible = (values: Record<string, unknown> | undefined): Record<string, unknown> => (definition ? withoutSensitive(definition, values ?? {}) : {});
      const old = input.old ? { ...(record ?? {}), ...visible(input.old) } : record;
      const changes = visible(input.changes);
      context.old = old;
      context.new = { ...(old ?? {}), ...changes };
      context.changed = Object.keys(changes);
      record = context.new;
      matched = holds(trigger.condition, { old: context.old, new: context.new, changed: context.changed });
    } else if (trigger.type === 'inbound') {
      context.payload = input.payload ?? {};
      if (!record && trigger.entity && trigger.match) record = await this.matchedRecord(key, trigger, context.payload);
      matched = holds(trigger.condition, { payload: context.payload, record });
    } else if (trigger.type === 'case') {
      matched = true;
    }
    if (!matched) return { matched: false, steps: [] };
    const steps: AutomationStepLog[] = [];
    const run = { id: `test:${key}`, automation: key, entity, recordId: input.recordId ?? null, context };
    for (const action of automation.actions) {
      const at = new Date().toISOString();
      try {
        const outcome = await this.actions.perform(action, run, false, { record });
        steps.push({ actionId: action.id, status: outcome.status, at, detail: outcome.detail, message: outcome.message });
        if (action.as !== undefined && outcome.result !== undefined) context.results[action.as] = outcome.result;
        if (outcome.status !== 'done') break;
      } catch (error) {
        steps.push({ actionId: action.id, status: 'failed', at, ...failureSaid(error) });
        break;
      }
    }
    return { matched: true, steps };
  }

  /** Queues a run of each published automation the inbound event triggers; answers how many. */
  async inbound(event: string, payload: Record<string, unknown>, actor: Actor): Promise<InboundEventAccepted> {
    if (!mayPostEvent(actor, event)) {
      throw new ProblemError(403, 'forbidden', `Your roles do not allow you to post the event ${event}.`, undefined, { event, messageZh: `您的角色不允许提交事件 ${event}。` });
    }
    const automations = (await runningAutomations(this.published)).filter(({ definition: { trigger } }) => trigger.type === 'inbound' && trigger.event === event);
    const requestId = timeOrderedId();
    let runs = 0;
    for (const { definition, version } of automations) {
      const trigger = definition.trigger as InboundTrigger;
      const record = trigger.entity && trigger.match ? await this.matchedRecord(definition.key, trigger, payload) : null;
      if (trigger.entity && trigger.match && !record) continue;
      if (!holds(trigger.condition, { payload, record })) continue;
      // What the run keeps of the payload: not a property named like a sensitive field of its entity (a mobile number sent along).
      const kept = trigger.entity ? withoutSensitive((await this.metadata.entity(trigger.entity)).definition, payload) : payload;
      const queued = await this.database.transaction((sql) =>
        AutomationRuns.insert(sql, {
          automation: definition.key,
          version,
          trigger: `inbound.${event}`,
          triggerKey: `inbound:${requestId}`,
          entity: trigger.entity ?? null,
          recordId: typeof record?.id === 'string' ? record.id : null,
          context: { payload: kept, results: {} },
        }),
      );
      if (queued) runs += 1;
    }
    return { event, runs };
  }

  /** The live record whose `match.field` equals the match value over the payload (as the automation sees it), or null. */
  private async matchedRecord(automation: string, trigger: InboundTrigger, payload: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    let value: unknown;
    try {
      value = evaluateFeel(trigger.match!.value, { payload });
    } catch {
      // A payload the match cannot read (a missing key in a path, a spent budget) matches no record.
      return null;
    }
    if (value === null || value === undefined || typeof value === 'object') return null;
    const page = await this.records.query(trigger.entity!, { filter: { field: trigger.match!.field, op: 'eq', value: value as string }, limit: 1 }, automationActor(automation));
    const found = page.items[0];
    return found ? withoutSensitive((await this.metadata.entity(trigger.entity!)).definition, found) : null;
  }

  /** The document a test runs: the one sent (checked like a save, and for FEEL), else the saved draft. */
  private async testedDocument(key: string, document: unknown): Promise<AutomationDefinition> {
    if (document === undefined) {
      const draft = await this.artifacts.draft('automation', key).catch(() => Promise.reject(automationNotFound(key)));
      return draft.document as unknown as AutomationDefinition;
    }
    if (!validateDocument(document)) throw ProblemError.invalid('The automation is not valid.', problemErrorsOf(validateDocument.errors ?? []).map((e) => ({ ...e, path: `/document${e.path}` })), 'invalidArtifact');
    const { identity, rest } = automationProblems(document as unknown as AutomationDefinition);
    const problems = [...identity, ...rest];
    if (problems.length > 0) throw ProblemError.invalid('The automation is not valid.', problems.map((p) => ({ ...p, path: `/document${p.path}` })), 'invalidArtifact');
    return document as unknown as AutomationDefinition;
  }
}
