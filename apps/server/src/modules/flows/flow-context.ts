import { Inject, Injectable } from '@nestjs/common';
import { addBusinessDuration, type BusinessCalendar, type DecisionAnswer, type FlowDefinition, type JsonValue } from '@bankforge/flow-engine';
import { compileDecisionModel, FeelDecimal, fromFeelValue, type CompiledDecisionModel, type DecisionArtifact } from '@bankforge/rule-engine';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';

/** The calendar business durations count on, unless `BANKFORGE_CALENDAR` names another. */
export const DEFAULT_CALENDAR_KEY = 'cn_mainland';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

interface LoadedDecision {
  version: number;
  artifact: DecisionArtifact;
  model: CompiledDecisionModel;
  /** The decision the flow's node evaluates: the one no other decision of the model requires. */
  top: string;
}

/** What the engine gets with each command besides the directory: decisions to evaluate, the business calendar. */
export interface FlowRunContext {
  decide: (decisionKey: string, inputs: Record<string, JsonValue>, version?: number) => DecisionAnswer;
  addBusinessDuration?: (fromIso: string, duration: string) => string;
}

/**
 * Loads what a flow's command may need before the engine runs (the engine is synchronous and
 * pure): the published decisions its decision nodes call, compiled once per version, and the
 * business calendar.
 */
@Injectable()
export class FlowContextLoader {
  private readonly decisions = new Map<string, LoadedDecision>();

  constructor(@Inject(PublishedArtifacts) private readonly published: PublishedArtifacts) {}

  async contextFor(flow: FlowDefinition): Promise<FlowRunContext> {
    const loaded = new Map<string, LoadedDecision>();
    for (const node of flow.nodes) {
      if (node.type !== 'decision') continue;
      const decision = await this.decision(node.decisionKey, node.decisionVersion);
      if (decision) loaded.set(`${node.decisionKey}@${node.decisionVersion ?? 'latest'}`, decision);
    }
    const calendar = await this.calendar();
    return {
      decide: (key, inputs, version) => {
        const decision = loaded.get(`${key}@${version ?? 'latest'}`);
        // The engine fails the case with this message: an unpublished decision is a broken flow.
        if (!decision) throw new Error(`decision ${key} is not published`);
        const result = decision.model.evaluate(decision.top, feelInputs(decision.artifact, inputs), { trace: true });
        const value = fromFeelValue(result.value);
        const outputs = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, JsonValue>) : { result: value as JsonValue };
        // Which rules each table matched: the inputs and outputs are in the event beside it.
        const trace = (result.trace?.tables ?? []).map((t) => ({ table: t.element, hitPolicy: t.hitPolicy, matchedRules: t.matchedRules, ...(t.defaulted ? { defaulted: true } : {}) }));
        return { outputs, version: decision.version, trace };
      },
      ...(calendar ? { addBusinessDuration: (from: string, duration: string) => addBusinessDuration(calendar, from, duration) } : {}),
    };
  }

  /** The business calendar (published), or undefined: durations then count in calendar time. */
  async calendar(): Promise<BusinessCalendar | undefined> {
    const calendars = await this.published.latest<BusinessCalendar>('calendar');
    const key = process.env.BANKFORGE_CALENDAR?.trim() || DEFAULT_CALENDAR_KEY;
    return (calendars.get(key) ?? (calendars.size === 1 ? [...calendars.values()][0] : undefined))?.document;
  }

  private async decision(key: string, version: number | undefined): Promise<LoadedDecision | undefined> {
    const chosen = version ?? (await this.published.latest<DecisionArtifact>('decision')).get(key)?.version;
    if (chosen === undefined) return undefined;
    const id = `${key}@${chosen}`;
    const cached = this.decisions.get(id);
    if (cached) return cached;
    const artifact = await this.published.version<DecisionArtifact>('decision', key, chosen);
    if (!artifact) return undefined;
    const required = new Set(artifact.decisions.flatMap((d) => d.requirements?.decisions ?? []));
    const tops = artifact.decisions.filter((d) => !required.has(d.name));
    const top = (tops.length === 1 ? tops[0] : artifact.decisions[artifact.decisions.length - 1])!.name;
    const loaded = { version: chosen, artifact, model: compileDecisionModel(artifact), top };
    this.decisions.set(id, loaded);
    return loaded;
  }
}

/**
 * Record values reach FEEL as their FEEL types: a money amount or decimal travels as exact text
 * (`"3000000.00"`), which a `number` input reads as that number, never as a string compared as null.
 */
function feelInputs(artifact: DecisionArtifact, inputs: Record<string, JsonValue>): Record<string, unknown> {
  const numeric = new Set((artifact.inputData ?? []).filter((i) => i.typeRef === 'number').map((i) => i.name));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inputs)) out[name] = numeric.has(name) && typeof value === 'string' && DECIMAL_TEXT.test(value) ? new FeelDecimal(value) : value;
  return out;
}
