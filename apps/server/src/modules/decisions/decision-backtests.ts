import type { DecisionBacktestRequest, DecisionBacktestResult } from '@bankforge/client';
import { Inject, Injectable } from '@nestjs/common';
import { EvaluationBudgetExceeded, sameJson, type DecisionArtifact } from '@bankforge/rule-engine';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { AuditLog } from '../audit/audit-log.js';
import { CompiledDecision } from './compiled-decision.js';
import { DEFAULT_BACKTEST } from './decision-requests.js';
import { DecisionsService } from './decisions.service.js';
import { DecisionEvaluationLog } from './evaluation-log.js';

/** Changes answered in full; the counts cover them all. */
const MAX_CHANGES = 200;
/** Evaluations replayed between two yields to the event loop: a large backtest does not stall other requests. */
const SLICE = 250;

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * What a draft would have answered to the inputs the published version was recently asked:
 * how many answers change, and which. Analysts see the effect of a rule change before publishing it.
 */
@Injectable()
export class DecisionBacktests {
  constructor(
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
    @Inject(ArtifactsService) private readonly artifacts: ArtifactsService,
    @Inject(DecisionEvaluationLog) private readonly log: DecisionEvaluationLog,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async backtest(key: string, request: DecisionBacktestRequest, actor: Actor): Promise<DecisionBacktestResult> {
    ArtifactsService.requireRight(actor, 'decision', 'edit');
    const published = await this.decisions.published(key);
    const given = request.document !== undefined;
    const document = given ? request.document : (await this.artifacts.draft('decision', key)).document;
    await this.requireValid(key, document, given ? '/document' : '');
    const draft = new CompiledDecision(key, null, document as DecisionArtifact);
    const limit = request.limit ?? DEFAULT_BACKTEST;
    const logged = await this.log.recent(key, published.version, limit);

    const result: DecisionBacktestResult = { key, version: published.version, evaluated: 0, changed: 0, unchanged: 0, failed: 0, skipped: 0, changes: [] };
    for (const [i, evaluation] of logged.entries()) {
      if (i > 0 && i % SLICE === 0) await nextTick();
      if (published.hasMaskedInputs(evaluation.inputs)) {
        result.skipped++;
        continue;
      }
      result.evaluated++;
      const after = this.replay(draft, evaluation.inputs);
      if (after === undefined) result.failed++;
      else if (sameJson(evaluation.outputs, after)) result.unchanged++;
      else {
        result.changed++;
        if (result.changes.length < MAX_CHANGES) result.changes.push({ evaluationId: evaluation.id, at: evaluation.at, inputs: evaluation.inputs, before: evaluation.outputs, after });
      }
    }
    const { changes: _changes, ...counts } = result;
    await this.audit.record(actor, { action: 'backtest', detail: { kind: 'decision', ...counts, limit, document: given ? 'given' : 'draft' } });
    return result;
  }

  /**
   * The draft's outputs for logged inputs; undefined when it cannot evaluate them (an input no
   * longer of its declared type, the evaluation budget). Inputs the draft no longer reads are ignored.
   */
  private replay(draft: CompiledDecision, inputs: Record<string, unknown>): Record<string, unknown> | undefined {
    try {
      const evaluation = draft.evaluate(inputs);
      return draft.mistypedInputs(evaluation).length > 0 ? undefined : evaluation.outputs;
    } catch (error) {
      if (error instanceof EvaluationBudgetExceeded) return undefined;
      throw error;
    }
  }

  /** The draft must be a valid decision of this key, as saving it would require. */
  private async requireValid(key: string, document: unknown, at: string): Promise<void> {
    const problems: ProblemFieldError[] = (await this.artifacts.draftProblems('decision', document)).map((p) => ({ ...p, path: `${at}${p.path}` }));
    if (problems.length === 0 && (document as { key?: unknown }).key !== key) {
      problems.push({ path: `${at}/key`, code: 'keyMismatch', message: `The document's key must be ${key}, as in the URL.`, messageZh: `决策的键必须是 ${key}` });
    }
    if (problems.length > 0) throw ProblemError.invalid('The draft is not a decision that could be saved.', problems, 'invalidArtifact');
  }
}
