import { describe, expect, it } from 'vitest';
import { ApiClient } from './client.js';
import { ApiProblem } from './problem.js';

function recordingFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('ApiClient', () => {
  it('sends JSON with the draft revision as If-Match and reads the answer', async () => {
    const { calls, fetchImpl } = recordingFetch(200, { revision: 4, latestVersion: 1, document: { kind: 'form', key: 'f', title: 'F' } });
    const client = new ApiClient({ baseUrl: 'http://h', fetch: fetchImpl });
    const draft = await client.saveDraft({ kind: 'form', key: 'f', title: 'F' }, 3);
    expect(draft.revision).toBe(4);
    expect(calls[0]!.url).toBe('http://h/api/artifacts/form/f');
    expect(calls[0]!.init.method).toBe('PUT');
    expect((calls[0]!.init.headers as Record<string, string>)['if-match']).toBe('"3"');
  });

  it('asks the roles and searches the people a flow designer picks approvers from', async () => {
    const roles = recordingFetch(200, [{ key: 'credit_officer', label: { en: 'Credit officer', 'zh-CN': '信贷员' } }]);
    expect((await new ApiClient({ fetch: roles.fetchImpl }).roles()).map((r) => r.key)).toEqual(['credit_officer']);
    expect(roles.calls[0]!.url).toBe('/api/auth/roles');
    const people = recordingFetch(200, { items: [{ id: 'chen_jing', name: '陈静', branch: 'BR001' }] });
    const found = await new ApiClient({ fetch: people.fetchImpl }).searchPeople({ q: '陈 j', limit: 5 });
    expect(found.items[0]!.branch).toBe('BR001');
    expect(people.calls[0]!.url).toBe('/api/people?q=%E9%99%88+j&limit=5');
  });

  it('lists, replays and tests automation runs, and posts an inbound event with an Idempotency-Key', async () => {
    const { calls, fetchImpl } = recordingFetch(200, []);
    const client = new ApiClient({ fetch: fetchImpl });
    await client.listAutomationRuns('tag_vip', { status: 'failed', limit: 10 });
    await client.replayAutomationRun('0193-run');
    await client.testAutomation('tag_vip', { recordId: 'r1', changes: { aum: 1 } });
    await client.postInboundEvent('card_blocked', { card: '6222' }, 'evt-1');
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/automations/tag_vip/runs?status=failed&limit=10',
      'POST /api/automations/runs/0193-run/replay',
      'POST /api/automations/tag_vip/test',
      'POST /api/automations/events/card_blocked',
    ]);
    expect(JSON.parse(calls[3]!.init.body as string)).toEqual({ payload: { card: '6222' } });
    expect((calls[3]!.init.headers as Record<string, string>)['Idempotency-Key']).toBe('evt-1');
  });

  it('names the form of a record write in the query', async () => {
    const { calls, fetchImpl } = recordingFetch(201, { id: 'a', version: 1 });
    await new ApiClient({ fetch: fetchImpl }).createRecord('customer', { name: 'x' }, 'customer_form');
    expect(calls[0]!.url).toBe('/api/records/customer?form=customer_form');
  });

  it('throws a problem answer as ApiProblem with its code and field errors', async () => {
    const { fetchImpl } = recordingFetch(422, { code: 'validationFailed', title: 'Invalid', detail: 'Bad', errors: [{ path: '/resident_id', code: 'residentIdChecksum', message: 'wrong' }] });
    const error = await new ApiClient({ fetch: fetchImpl }).createRecord('customer', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).status).toBe(422);
    expect((error as ApiProblem).code).toBe('validationFailed');
    expect((error as ApiProblem).errors[0]!.path).toBe('/resident_id');
  });

  it('turns a network failure into a problem with status 0', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const error = (await new ApiClient({ fetch: failing }).me().catch((e: unknown) => e)) as ApiProblem;
    expect(error.status).toBe(0);
    expect(error.code).toBe('networkError');
  });

  it('gives a non-JSON error body a stable code from its status', () => {
    const problem = ApiProblem.from(502, '<html>Bad gateway</html>');
    expect(problem.code).toBe('http502');
    expect(problem.errors).toEqual([]);
  });
});
