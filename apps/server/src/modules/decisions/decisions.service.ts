import type { DecisionEvaluateAnswer, DecisionEvaluateRequest, DecisionEvaluationPage } from '@bankforge/client';
import { Inject, Injectable } from '@nestjs/common';
import { pointer } from '@bankforge/data-model';
import { EvaluationBudgetExceeded, traceJson } from '@bankforge/rule-engine';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import type { CompiledDecision, DecisionEvaluation, PublishedDecision } from './compiled-decision.js';
import { DecisionCatalog } from './decision-catalog.js';
import { DecisionEvaluationLog } from './evaluation-log.js';

/** Published decisions evaluated for other systems and people, each evaluation logged. */
@Injectable()
export class DecisionsService {
  constructor(
    @Inject(DecisionCatalog) private readonly catalog: DecisionCatalog,
    @Inject(DecisionEvaluationLog) private readonly log: DecisionEvaluationLog,
  ) {}

  async evaluate(key: string, request: DecisionEvaluateRequest, options: { version?: number; trace: boolean }, actor: Actor): Promise<DecisionEvaluateAnswer> {
    requireEvaluate(actor, key);
    const decision = await this.published(key, options.version);
    const unknown = decision.unknownInputs(request.inputs);
    if (unknown.length > 0) {
      throw ProblemError.invalid(
        `${key} has no input data named ${unknown.join(', ')}.`,
        unknown.map((name) => ({ path: pointer('inputs', name), code: 'unknownInput', message: `${name} is not an input of ${key}`, messageZh: `${name} 不是决策 ${key} 的输入` })),
        'invalidDecisionInputs',
      );
    }
    const at = new Date().toISOString();
    const evaluation = evaluated(decision, request.inputs, options.trace);
    const mistyped = decision.mistypedInputs(evaluation);
    if (mistyped.length > 0) {
      throw ProblemError.invalid(
        `Some inputs of ${key} are not of their declared types.`,
        mistyped.map((w) => ({ path: pointer('inputs', w.element ?? ''), code: 'inputType', message: w.message, messageZh: `${w.element ?? ''} 的值与其声明的类型不符` })),
        'invalidDecisionInputs',
      );
    }
    await this.log.record({ key, version: decision.version, at, caller: actor.name, source: 'api', caseId: null, inputs: decision.masked(request.inputs), outputs: evaluation.outputs, micros: evaluation.micros });
    return { key, version: decision.version, outputs: evaluation.outputs, ...(evaluation.trace ? { trace: traceJson(evaluation.trace) } : {}) };
  }

  /** A decision's evaluation log, newest first: administrators and those who may evaluate it. */
  async evaluations(key: string, limit: number, cursor: string | undefined, actor: Actor): Promise<DecisionEvaluationPage> {
    requireEvaluate(actor, key);
    return this.log.page(key, limit, cursor);
  }

  /** A published version (the latest when none is named), or 404. */
  async published(key: string, version?: number): Promise<PublishedDecision> {
    const decision = await this.catalog.decision(key, version);
    if (decision) return decision;
    if (version !== undefined && (await this.catalog.latestVersion(key)) !== undefined) {
      throw ProblemError.notFound('decisionVersionNotFound', `Decision ${key} has no published version ${version}.`);
    }
    throw ProblemError.notFound('decisionNotFound', `There is no published decision ${key}.`);
  }
}

/** Grants are per decision key, so a refusal says nothing of whether the decision exists. */
function requireEvaluate(actor: Actor, key: string): void {
  if (!actor.access.canEvaluateDecision(key)) {
    throw new ProblemError(403, 'decisionEvaluateForbidden', `Your roles do not allow you to evaluate ${key}.`, undefined, { decision: key });
  }
}

/** Evaluates, answering a run past the FEEL budget as a 422 (the decision's design is at fault, not the server). */
export function evaluated(decision: CompiledDecision, inputs: Readonly<Record<string, unknown>>, trace = false): DecisionEvaluation {
  try {
    return decision.evaluate(inputs, trace);
  } catch (error) {
    if (!(error instanceof EvaluationBudgetExceeded)) throw error;
    throw new ProblemError(422, 'expressionBudgetExceeded', `Decision ${decision.key} ran past its evaluation budget and was stopped: ${error.message}`);
  }
}
