import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AutomationCaseEvent, AutomationDefinition, CaseTrigger, RecordTrigger } from '@bankforge/flow-engine';
import { Database } from '../../platform/database/database.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { DomainEventSubscribers } from '../events/domain-event-subscribers.js';
import type { DomainEvent, FieldChange } from '../events/domain-events.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { RecordsService } from '../records/records.service.js';
import { AutomationRuns } from './automation-run-store.js';
import { holds, recordTriggerScope, type RunContext } from './automation-scope.js';

/** The case events automations name, by the domain event's type. */
const CASE_EVENTS: Readonly<Record<string, AutomationCaseEvent>> = {
  'case.started': 'started',
  'case.approved': 'approved',
  'case.rejected': 'rejected',
  'case.withdrawn': 'withdrawn',
  'case.completed': 'completed',
  'case.failed': 'failed',
  'case.cancelled': 'cancelled',
  'task.created': 'taskCreated',
  'task.completed': 'taskCompleted',
};

export interface PublishedAutomation {
  definition: AutomationDefinition;
  version: number;
}

/** The published automations that run (not paused by `enabled: false`). */
export async function runningAutomations(published: PublishedArtifacts): Promise<PublishedAutomation[]> {
  const latest = await published.latest<AutomationDefinition>('automation');
  return [...latest.values()].filter((a) => a.document.enabled !== false).map((a) => ({ definition: a.document, version: a.version }));
}

const newValue = (change: FieldChange | undefined): string | null => (change && !('masked' in change) && typeof change.new === 'string' ? change.new : null);

/**
 * Hears the domain events after commit and queues one run per published automation whose record
 * or case trigger the event matches and whose condition holds. The run is keyed on the event's id:
 * an event heard twice (at-least-once) queues one run. A record written by the server itself (an
 * automation's own write, the example's seed) triggers nothing: automations do not chain.
 */
/** The automations whose record trigger an event of a record may fire (its condition aside); none for the server's own writes. */
function recordTriggered(automations: readonly PublishedAutomation[], event: Omit<DomainEvent, 'changes'>): PublishedAutomation[] {
  if (event.actor.kind === 'system') return [];
  const on = event.type.slice('record.'.length);
  return automations.filter(({ definition: { trigger } }) => trigger.type === 'record' && trigger.entity === event.entity && (trigger.on as string[]).includes(on));
}

const hasCaseTrigger = (automations: readonly PublishedAutomation[]): boolean => automations.some(({ definition: { trigger } }) => trigger.type === 'case');

@Injectable()
export class AutomationIntake implements OnModuleInit {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(DomainEventSubscribers) private readonly subscribers: DomainEventSubscribers,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe(
      'automations',
      (event) => this.take(event),
      async (event) => {
        const automations = await runningAutomations(this.published);
        return event.type.startsWith('record.') ? recordTriggered(automations, event).length > 0 : CASE_EVENTS[event.type] !== undefined && hasCaseTrigger(automations);
      },
    );
  }

  async take(event: DomainEvent): Promise<void> {
    const automations = await runningAutomations(this.published);
    if (automations.length === 0) return;
    if (event.type.startsWith('record.')) await this.recordEvent(event, automations);
    else if (CASE_EVENTS[event.type]) await this.caseEvent(event, automations);
  }

  private async recordEvent(event: DomainEvent, automations: readonly PublishedAutomation[]): Promise<void> {
    const matching = recordTriggered(automations, event);
    if (matching.length === 0) return;
    const model = await this.metadata.entity(event.entity);
    const current = await this.database.read((sql) => this.records.readIn(sql, model, event.recordId));
    const scope = recordTriggerScope(model.definition, current, event.changes, event.type === 'record.created');
    for (const { definition, version } of matching) {
      if (!holds((definition.trigger as RecordTrigger).condition, scope)) continue;
      await this.queue(definition, version, event, { ...scope, results: {} }, event.entity, event.recordId);
    }
  }

  private async caseEvent(event: DomainEvent, automations: readonly PublishedAutomation[]): Promise<void> {
    // The changes are read only when some automation has a case trigger (see the subscription).
    if (!hasCaseTrigger(automations)) return;
    const flow = newValue(event.changes.flow);
    const kind = CASE_EVENTS[event.type]!;
    const matching = automations.filter(({ definition: { trigger } }) => trigger.type === 'case' && trigger.flow === flow && trigger.events.includes(kind));
    if (matching.length === 0 || flow === null) return;
    const caseScope = { id: newValue(event.changes.case) ?? event.recordId, flow, status: newValue(event.changes.status), outcome: newValue(event.changes.outcome) };
    const bound = !event.entity.startsWith('flow:');
    for (const { definition, version } of matching) {
      if (!holds((definition.trigger as CaseTrigger).condition, { case: caseScope })) continue;
      await this.queue(definition, version, event, { case: caseScope, results: {} }, bound ? event.entity : null, bound ? event.recordId : null);
    }
  }

  private async queue(definition: AutomationDefinition, version: number, event: DomainEvent, context: RunContext, entity: string | null, recordId: string | null): Promise<void> {
    await this.database.transaction((sql) =>
      AutomationRuns.insert(sql, { automation: definition.key, version, trigger: event.type, triggerKey: `event:${event.id}`, entity, recordId, context }),
    );
  }
}
