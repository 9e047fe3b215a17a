import { analyzeDecisionTable, type DecisionTable } from '@bankforge/rule-engine';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tierTable } from '../testing/tables.js';
import { answerAnalysisRequest, type AnalysisRequest } from './analysis-request.js';
import { createAnalysisRunner } from './analysis-runner.js';

/** A worker that answers as the real one does, each request after a delay (the later ones first). */
class FakeWorker {
  static made: FakeWorker[] = [];
  static failing = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  private delay = 30;
  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
  }
  postMessage(request: AnalysisRequest) {
    if (FakeWorker.failing) {
      setTimeout(() => this.onerror?.(), 0);
      return;
    }
    this.delay = Math.max(0, this.delay - 10);
    setTimeout(() => this.onmessage?.({ data: answerAnalysisRequest(structuredClone(request)) } as MessageEvent), this.delay);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
  FakeWorker.failing = false;
});

const overlapping = (): DecisionTable => ({ ...tierTable(), rules: [...tierTable().rules, { inputEntries: ['> 60', '-'], outputEntries: ['"senior"'] }] });

describe('createAnalysisRunner', () => {
  it('analyses in a worker, each answer going to its own request', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const runner = createAnalysisRunner();
    expect(FakeWorker.made[0]!.url.pathname).toMatch(/analysis\.worker\.ts$/);
    const [first, second] = await Promise.all([runner.analyze(tierTable(), {}), runner.analyze(overlapping(), {})]);
    expect(first).toEqual(analyzeDecisionTable(tierTable()));
    expect(second.overlaps).toHaveLength(2);
    runner.dispose();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('answers on the page’s thread when the worker fails, and from then on', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.failing = true;
    const runner = createAnalysisRunner();
    expect((await runner.analyze(overlapping(), {})).overlaps).toHaveLength(2);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect((await runner.analyze(tierTable(), {})).overlaps).toEqual([]);
  });

  it('answers on the page’s thread where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    expect((await createAnalysisRunner().analyze(overlapping(), {})).overlaps).toHaveLength(2);
  });
});
