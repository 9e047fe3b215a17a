import { Inject, Injectable } from '@nestjs/common';
import { addBusinessDuration, type BusinessCalendar, type DecisionAnswer, type ExecuteResult, type FlowDefinition, type JsonValue } from '@bankforge/flow-engine';
import type { SqlExecutor } from '../../platform/database/database.js';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import type { PublishedDecision } from '../decisions/compiled-decision.js';
import { DecisionCatalog } from '../decisions/decision-catalog.js';
import { DecisionEvaluationLog, type DecisionEvaluationEntry } from '../decisions/evaluation-log.js';
import { workingDaysOn } from './due-clock.js';

/** The calendar business durations count on, unless `BANKFORGE_CALENDAR` names another. */
export const DEFAULT_CALENDAR_KEY = 'cn_mainland';

/** The business calendar business-time durations count on: its key, latest published version and document. */
export interface PublishedCalendar {
  key: string;
  version: number;
  document: BusinessCalendar;
}

/**
 * What the engine gets with each command besides the directory (decisions to evaluate, the business
 * calendar), and what the server counts on the same calendar.
 */
export interface FlowRunContext {
  decide: (decisionKey: string, inputs: Record<string, JsonValue>, version?: number) => DecisionAnswer;
  addBusinessDuration?: (fromIso: string, duration: string) => string;
  /** The working days an approval task took (`approval_task.business_days`); absent without a calendar. */
  workingDays?: (fromIso: string, toIso: string) => number;
}

/** An evaluation a command's decision step made, waiting to be logged with the command. */
type MadeEvaluation = Omit<DecisionEvaluationEntry, 'caller' | 'source' | 'caseId'>;

/**
 * Loads what a flow's command may need before the engine runs (the engine is synchronous and
 * pure): the published decisions its decision nodes call (compiled by the DecisionCatalog), and
 * the business calendar. The evaluations a command makes are logged in its transaction.
 */
@Injectable()
export class FlowContextLoader {
  private readonly made = new WeakMap<FlowRunContext, MadeEvaluation[]>();

  constructor(
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(DecisionCatalog) private readonly decisions: DecisionCatalog,
    @Inject(DecisionEvaluationLog) private readonly log: DecisionEvaluationLog,
  ) {}

  async contextFor(flow: FlowDefinition): Promise<FlowRunContext> {
    const loaded = new Map<string, PublishedDecision>();
    for (const node of flow.nodes) {
      if (node.type !== 'decision') continue;
      const decision = await this.decisions.decision(node.decisionKey, node.decisionVersion);
      if (decision) loaded.set(`${node.decisionKey}@${node.decisionVersion ?? 'latest'}`, decision);
    }
    const calendar = await this.calendar();
    const made: MadeEvaluation[] = [];
    const context: FlowRunContext = {
      decide: (key, inputs, version) => {
        const decision = loaded.get(`${key}@${version ?? 'latest'}`);
        // The engine fails the case with this message: an unpublished decision is a broken flow.
        if (!decision) throw new Error(`decision ${key} is not published`);
        const at = new Date().toISOString();
        const evaluation = decision.evaluate(inputs, true);
        made.push({ key, version: decision.version, at, inputs: decision.masked(inputs), outputs: evaluation.outputs, micros: evaluation.micros });
        // Which rules each table matched: the inputs and outputs are in the event beside it.
        const trace = (evaluation.trace?.tables ?? []).map((t) => ({ table: t.element, hitPolicy: t.hitPolicy, matchedRules: t.matchedRules, ...(t.defaulted ? { defaulted: true } : {}) }));
        return { outputs: evaluation.outputs as Record<string, JsonValue>, version: decision.version, trace };
      },
      ...(calendar ? { addBusinessDuration: (from: string, duration: string) => addBusinessDuration(calendar, from, duration), workingDays: workingDaysOn(calendar) } : {}),
    };
    this.made.set(context, made);
    return context;
  }

  /**
   * Logs the decisions a command's run evaluated, in the command's transaction. A transaction run
   * again (contention) runs the engine again: its own evaluations are the last ones, one per
   * `decided` event of its result.
   */
  async logDecisions(sql: SqlExecutor, context: FlowRunContext, result: ExecuteResult, actor: Actor, caseId: string): Promise<void> {
    const made = this.made.get(context)?.splice(0) ?? [];
    const decided = result.events.filter((e) => e.type === 'decided').length;
    if (decided === 0) return;
    await this.log.recordIn(sql, made.slice(-decided).map((m) => ({ ...m, caller: actor.name, source: 'flow' as const, caseId })));
  }

  /** The business calendar (published), or undefined: durations then count in calendar time. */
  async calendar(): Promise<BusinessCalendar | undefined> {
    return (await this.publishedCalendar())?.document;
  }

  /** The business calendar with its key and published version (the designer's simulation counts on the same one). */
  async publishedCalendar(): Promise<PublishedCalendar | undefined> {
    const calendars = await this.published.latest<BusinessCalendar>('calendar');
    const key = process.env.BANKFORGE_CALENDAR?.trim() || DEFAULT_CALENDAR_KEY;
    const chosen = calendars.has(key) ? key : calendars.size === 1 ? [...calendars.keys()][0] : undefined;
    const found = chosen === undefined ? undefined : calendars.get(chosen);
    return chosen === undefined || found === undefined ? undefined : { key: chosen, version: found.version, document: found.document };
  }
}
