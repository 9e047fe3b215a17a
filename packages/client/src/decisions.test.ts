import { describe, expect, it } from 'vitest';
import { ApiClient } from './client.js';

function recordingClient(body: unknown) {
  const calls: { url: string; method: string | undefined; body: unknown }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { calls, client: new ApiClient({ fetch: fetchImpl }) };
}

describe('ApiClient decisions', () => {
  it('evaluates a decision with its inputs, the version and the trace in the query', async () => {
    const { calls, client } = recordingClient({ key: 'loan_scoring', version: 2, outputs: { score: 85 } });
    const answer = await client.evaluateDecision(
      'loan_scoring',
      { CreditScore: 760 },
      { version: 2, trace: true },
    );
    expect(answer.outputs).toEqual({ score: 85 });
    expect(calls).toEqual([
      {
        url: '/api/decisions/loan_scoring/evaluate?version=2&trace=true',
        method: 'POST',
        body: { inputs: { CreditScore: 760 } },
      },
    ]);
  });

  it('pages the evaluation log', async () => {
    const { calls, client } = recordingClient({ items: [], nextCursor: null });
    await client.decisionEvaluations('loan_scoring', { limit: 20, cursor: 'c1' });
    expect(calls[0]).toMatchObject({
      url: '/api/decisions/loan_scoring/evaluations?limit=20&cursor=c1',
      method: 'GET',
    });
  });

  it('backtests a draft against the latest evaluations', async () => {
    const { calls, client } = recordingClient({
      key: 'k',
      version: 1,
      evaluated: 0,
      changed: 0,
      unchanged: 0,
      failed: 0,
      skipped: 0,
      changes: [],
    });
    const document = { kind: 'decision' as const, key: 'k', title: 'K', decisions: [] };
    await client.backtestDecision('k', { document, limit: 50 });
    expect(calls[0]).toEqual({
      url: '/api/decisions/k/backtest',
      method: 'POST',
      body: { document, limit: 50 },
    });
  });
});
