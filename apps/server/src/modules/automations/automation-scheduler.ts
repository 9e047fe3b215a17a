import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { fromStoredDatetime } from '@bankforge/data-model';
import type { RecordFilter } from '@bankforge/data-model';
import { missedScheduleSlots, type BusinessCalendar, type ScheduleTrigger } from '@bankforge/flow-engine';
import { Database } from '../../platform/database/database.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { RecordsService } from '../records/records.service.js';
import { segmentById } from '../segments/segment-audience.js';
import { AutomationActions } from './automation-actions.js';
import { runningAutomations } from './automation-intake.js';
import { AutomationRuns } from './automation-run-store.js';
import { automationActor } from './automation-scope.js';
import { stepSaid } from './automation-step-messages.js';

const DEFAULT_POLL_MS = 1000;
/** Records one schedule run reaches at most per slot: a schedule is a campaign, not a batch job. */
const MAX_RECORDS_PER_SLOT = 10_000;
const PAGE = 200;

/**
 * Queues the runs of schedule triggers: on the database's clock, each published schedule's slots
 * since the last one it fired (or its version's publication) get one run each, or one per live
 * record its audience (a saved segment's filter as it is now, and its own filter) matches. After
 * downtime a schedule without an audience catches up every slot missed, at most the latest
 * MAX_CATCH_UP_SLOTS of 35 days, oldest first. A schedule with an audience catches up its latest
 * missed slot only: the audience can only be read as it is now, so each earlier slot would reach
 * the same customers again (seven SMS for one campaign). Runs are keyed on the slot (and record), so
 * replicas asking at once, or a pass repeated after a crash, queue each run once. The last slot
 * fired is read from the runs (a slot whose audience was empty leaves none: it is asked again,
 * harmlessly, until a later slot fires); a slot done is remembered here to spare the next poll.
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
      const id = `${definition.key}@${version}`;
      const remembered = this.done.get(id);
      if (remembered !== undefined && missedScheduleSlots(trigger, remembered, now, calendar).length === 0) continue;
      // A schedule fires from its publication on: publishing at 10:00 does not run this morning's 09:00.
      const since = [await this.publishedAt(definition.key, version), await this.lastFired(definition.key), remembered ?? ''].reduce((a, b) => (a > b ? a : b));
      const missed = missedScheduleSlots(trigger, since, now, calendar);
      for (const slot of trigger.entity ? missed.slice(-1) : missed) {
        queued += trigger.entity ? await this.queueEach(definition.key, version, trigger, slot) : await this.queue(definition.key, version, slot, null, null);
        this.done.set(id, slot);
      }
      if (!this.done.has(id)) this.done.set(id, since);
    }
    return queued;
  }

  /** The latest slot an automation's schedule queued a run for (of any version: a slot fires once), or ''. */
  private async lastFired(key: string): Promise<string> {
    const [row] = await this.database.read((sql) =>
      sql.rows<{ last: string | null }>("SELECT MAX(trigger_key) AS last FROM bf_automation_run WHERE automation_key = ? AND trigger_type = 'schedule'", [key]),
    );
    return /^schedule:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)/.exec(row?.last ?? '')?.[1] ?? '';
  }

  private async publishedAt(key: string, version: number): Promise<string> {
    const [row] = await this.database.read((sql) => sql.rows<{ published_at: string }>("SELECT published_at FROM bf_artifact_version WHERE kind = 'automation' AND artifact_key = ? AND version = ?", [key, version]));
    return row ? (fromStoredDatetime(String(row.published_at)) ?? '') : '';
  }

  /**
   * The audience's filter at this slot: the segment's as saved now, with the trigger's own. A
   * segment deleted, made private or moved to another entity since the publish fails the slot: one
   * failed run says so on the automation's runs, and nobody is reached.
   */
  private async audience(key: string, version: number, trigger: ScheduleTrigger, slot: string): Promise<{ filter?: RecordFilter } | undefined> {
    if (trigger.segment === undefined) return trigger.filter ? { filter: trigger.filter } : {};
    const segment = await this.database.read((sql) => segmentById(sql, trigger.segment!));
    if (!segment || segment.sharing === 'private' || segment.entity !== trigger.entity) {
      const named = { segment: trigger.segment, slot };
      const why = !segment ? stepSaid('segmentDeleted', named) : segment.sharing === 'private' ? stepSaid('segmentPrivate', named) : stepSaid('segmentMoved', { ...named, entity: segment.entity });
      await this.database.transaction(async (sql) => {
        const id = await AutomationRuns.insert(sql, { automation: key, version, trigger: 'schedule', triggerKey: `schedule:${slot}`, entity: null, recordId: null, context: { results: {} } });
        if (id) await sql.execute("UPDATE bf_automation_run SET status = 'failed', error = ?, error_message = ? WHERE id = ?", [why.detail, JSON.stringify(why.message), id]);
      });
      return undefined;
    }
    return { filter: trigger.filter ? { and: [segment.filter, trigger.filter] } : segment.filter };
  }

  /** One run per live record the audience matches, read as the automation (every record, no field rules). */
  private async queueEach(key: string, version: number, trigger: ScheduleTrigger, slot: string): Promise<number> {
    const audience = await this.audience(key, version, trigger, slot);
    if (!audience) return 0;
    let queued = 0;
    let cursor: string | undefined;
    let seen = 0;
    do {
      const page = await this.records.query(trigger.entity!, { ...audience, fields: ['id'], limit: PAGE, ...(cursor ? { cursor } : {}) }, automationActor(key));
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
