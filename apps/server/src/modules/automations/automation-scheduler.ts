import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { fromStoredDatetime } from '@bankforge/data-model';
import { latestScheduleSlot, type BusinessCalendar, type ScheduleTrigger } from '@bankforge/flow-engine';
import { Database } from '../../platform/database/database.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { RecordsService } from '../records/records.service.js';
import { AutomationActions } from './automation-actions.js';
import { runningAutomations } from './automation-intake.js';
import { AutomationRuns } from './automation-run-store.js';
import { automationActor } from './automation-scope.js';

const DEFAULT_POLL_MS = 1000;
/** Records one schedule run reaches at most per slot: a schedule is a campaign, not a batch job. */
const MAX_RECORDS_PER_SLOT = 10_000;
const PAGE = 200;

/**
 * Queues the runs of schedule triggers: on the database's clock, each published schedule's latest
 * slot (since its version was published) gets one run, or one per live record its filter matches.
 * Runs are keyed on the slot (and record), so replicas asking at once queue each run once; a slot
 * done is remembered here only to spare the next poll the query.
 */
@Injectable()
export class AutomationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly done = new Map<string, string>();
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(AutomationActions) private readonly actions: AutomationActions,
  ) {}

  onApplicationBootstrap(): void {
    const pollMs = Number(process.env.BANKFORGE_AUTOMATION_POLL_MS ?? DEFAULT_POLL_MS);
    if (!Number.isFinite(pollMs) || pollMs <= 0) return;
    this.interval = setInterval(() => void this.scheduleDue().catch(() => undefined), pollMs);
    this.interval.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await this.running?.catch(() => undefined);
  }

  /** Queues the runs of every slot due now; answers how many were queued (one pass at a time). */
  scheduleDue(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const schedules = (await runningAutomations(this.published)).filter((a) => a.definition.trigger.type === 'schedule');
    if (schedules.length === 0) return 0;
    const now = await this.actions.now();
    const calendars = await this.published.latest<BusinessCalendar>('calendar');
    let queued = 0;
    for (const { definition, version } of schedules) {
      const trigger = definition.trigger as ScheduleTrigger;
      const calendar = trigger.calendar ? calendars.get(trigger.calendar)?.document : undefined;
      if (trigger.every === 'workingDay' && trigger.calendar && !calendar) continue;
      const slot = latestScheduleSlot(trigger, now, calendar);
      const id = `${definition.key}@${version}`;
      if (slot === undefined || this.done.get(id) === slot) continue;
      // A schedule fires from its publication on: publishing at 10:00 does not run this morning's 09:00.
      if (slot < (await this.publishedAt(definition.key, version))) {
        this.done.set(id, slot);
        continue;
      }
      queued += trigger.entity ? await this.queueEach(definition.key, version, trigger, slot) : await this.queue(definition.key, version, slot, null, null);
      this.done.set(id, slot);
    }
    return queued;
  }

  private async publishedAt(key: string, version: number): Promise<string> {
    const [row] = await this.database.read((sql) => sql.rows<{ published_at: string }>("SELECT published_at FROM bf_artifact_version WHERE kind = 'automation' AND artifact_key = ? AND version = ?", [key, version]));
    return row ? (fromStoredDatetime(String(row.published_at)) ?? '') : '';
  }

  /** One run per live record the filter matches, read as the automation (every record, no field rules). */
  private async queueEach(key: string, version: number, trigger: ScheduleTrigger, slot: string): Promise<number> {
    let queued = 0;
    let cursor: string | undefined;
    let seen = 0;
    do {
      const page = await this.records.query(trigger.entity!, { ...(trigger.filter ? { filter: trigger.filter } : {}), fields: ['id'], limit: PAGE, ...(cursor ? { cursor } : {}) }, automationActor(key));
      for (const record of page.items) queued += await this.queue(key, version, slot, trigger.entity!, record.id);
      seen += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen < MAX_RECORDS_PER_SLOT);
    return queued;
  }

  private async queue(key: string, version: number, slot: string, entity: string | null, recordId: string | null): Promise<number> {
    const id = await this.database.transaction((sql) =>
      AutomationRuns.insert(sql, { automation: key, version, trigger: 'schedule', triggerKey: `schedule:${slot}${recordId ? `:${recordId}` : ''}`, entity, recordId, context: { results: {} } }),
    );
    return id ? 1 : 0;
  }
}
