import type { CaseDetail } from '@bankforge/client';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionEvaluationLog } from '../src/modules/decisions/evaluation-log.js';
import { dialects, startTestServer, type ApiResponse, type Requester, type TestServer } from './harness.js';
import { LOAN_PASSWORD, openLoanDesk, type LoanDesk } from './loan-fixtures.js';

type Problem = { code: string; errors?: { path: string; code: string; message: string; messageZh?: string }[] };
type Answer = { key: string; version: number; outputs: Record<string, unknown>; trace?: { tables: { table: string; inputs: unknown[]; matchedRules: number[]; matchedRuleIds: (string | null)[] }[]; decisions: { element: string; kind: string; value: unknown }[] } };
type Logged = { id: string; key: string; version: number; at: string; caller: string; source: string; caseId: string | null; inputs: Record<string, unknown>; outputs: Record<string, unknown>; durationMs: number };
type LogPage = { items: Logged[]; nextCursor: string | null };
type Backtest = { key: string; version: number; evaluated: number; changed: number; unchanged: number; failed: number; skipped: number; changes: { evaluationId: string; at: string; inputs: Record<string, unknown>; before: Record<string, unknown>; after: Record<string, unknown> }[] };

/** Excellent credit and a loan of twice the income: 60 + 40 points. */
const PRIME = { CreditScore: 780, AnnualIncome: 1_000_000, Amount: '2000000.00' };

/** A screening rule over a sensitive input: flagged when the amount is large or the passport is on the list. */
function screening(threshold: number): DecisionArtifact {
  return {
    kind: 'decision',
    key: 'aml_screening',
    title: 'AML screening',
    inputData: [
      { name: 'Amount', typeRef: 'number' },
      { name: 'Passport', typeRef: 'string', sensitive: true },
    ],
    decisions: [
      {
        name: 'Flag',
        typeRef: 'string',
        requirements: { inputs: ['Amount', 'Passport'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'F',
          inputs: [{ expression: 'Amount' }, { expression: 'Passport' }],
          outputs: [{ typeRef: 'string' }],
          rules: [
            { id: 'listed', inputEntries: ['-', '"X0000001"'], outputEntries: ['"block"'] },
            { id: 'large', inputEntries: [`>= ${threshold}`, '-'], outputEntries: ['"review"'] },
            { id: 'clear', inputEntries: ['-', '-'], outputEntries: ['"clear"'] },
          ],
        },
      },
    ],
  };
}

describe.each(dialects())('decisions on %s', (dialect) => {
  let server: TestServer;
  let desk: LoanDesk;
  let analyst: Requester;

  const evaluate = <T = Answer>(as: Requester, key: string, inputs: unknown, query = ''): Promise<ApiResponse<T>> => as<T>('POST', `/api/decisions/${key}/evaluate${query}`, { inputs });
  const log = async (key: string, query = ''): Promise<LogPage> => {
    const page = await server.request<LogPage>('GET', `/api/decisions/${key}/evaluations${query}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    return page.body;
  };
  const publish = async (document: DecisionArtifact): Promise<{ status: number; body: Problem & { version?: number } }> => {
    const saved = await server.request('PUT', `/api/artifacts/decision/${document.key}`, document);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return server.request<Problem & { version?: number }>('POST', `/api/artifacts/decision/${document.key}/publish`, {});
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
    const created = await server.request('POST', '/api/auth/users', { username: 'analyst', displayName: 'ANALYST', branch: 'HQ', roles: ['business_analyst'], password: LOAN_PASSWORD });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    analyst = await server.signIn('analyst', LOAN_PASSWORD);
    expect((await publish(screening(50_000))).status).toBe(200);
  });
  afterAll(async () => server?.close());

  it('evaluates the published loan scoring for a credit officer, with and without the trace', async () => {
    const plain = await evaluate(desk.as.co_1, 'loan_scoring', PRIME);
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(plain.body).toEqual({ key: 'loan_scoring', version: 1, outputs: { score: 100, recommendation: 'approve' } });

    const traced = await evaluate(desk.as.co_1, 'loan_scoring', PRIME, '?trace=true');
    expect(traced.status).toBe(200);
    expect(traced.body.outputs).toEqual({ score: 100, recommendation: 'approve' });
    expect(traced.body.trace?.tables).toEqual([
      expect.objectContaining({ table: 'Score', inputs: [780, 2], matchedRules: [0, 4], matchedRuleIds: ['credit-excellent', 'lti-low'] }),
      expect.objectContaining({ table: 'Recommendation', inputs: [100], matchedRules: [2] }),
    ]);
    expect(traced.body.trace?.decisions).toEqual(expect.arrayContaining([{ element: 'Loan scoring', kind: 'decision', value: { score: 100, recommendation: 'approve' } }]));
  });

  it('refuses callers without the grant (403), unknown decisions (404) and bad inputs (422, by field)', async () => {
    const refused = await evaluate<Problem>(desk.as.rm_sh, 'loan_scoring', PRIME);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('decisionEvaluateForbidden');
    // The grant is per decision: whoever lacks it learns nothing of whether a decision exists.
    expect((await evaluate<Problem>(desk.as.rm_sh, 'no_such_decision', {})).status).toBe(403);
    expect((await evaluate<Problem>(desk.as.co_1, 'aml_screening', { Amount: 1 })).status).toBe(403);
    const unknown = await evaluate<Problem>(server.request, 'no_such_decision', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('decisionNotFound');

    const mistyped = await evaluate<Problem>(desk.as.co_1, 'loan_scoring', { ...PRIME, CreditScore: 'excellent' });
    expect(mistyped.status).toBe(422);
    expect(mistyped.body).toMatchObject({ code: 'invalidDecisionInputs', errors: [{ path: '/inputs/CreditScore', code: 'inputType', messageZh: expect.any(String) }] });
    const extra = await evaluate<Problem>(desk.as.co_1, 'loan_scoring', { ...PRIME, Salary: 1 });
    expect(extra.status).toBe(422);
    expect(extra.body).toMatchObject({ code: 'invalidDecisionInputs', errors: [{ path: '/inputs/Salary', code: 'unknownInput' }] });
    const noInputs = await desk.as.co_1<Problem>('POST', '/api/decisions/loan_scoring/evaluate', { values: PRIME });
    expect(noInputs.status).toBe(422);
    expect((await evaluate<Problem>(desk.as.co_1, 'loan_scoring', PRIME, '?trace=yes')).status).toBe(400);
    expect((await evaluate<Problem>(desk.as.co_1, 'loan_scoring', PRIME, '?version=first')).status).toBe(400);
    const missing = await evaluate<Problem>(desk.as.co_1, 'loan_scoring', PRIME, '?version=99');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('decisionVersionNotFound');
    // Refused evaluations are not logged.
    expect((await log('loan_scoring')).items.every((e) => e.inputs.CreditScore !== 'excellent')).toBe(true);
  });

  it('lets other systems evaluate through an API key whose role holds the grant', async () => {
    const key = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'loan-origination', roles: ['credit_officer'] });
    expect(key.status).toBe(201);
    const answered = await server.anonymous<Answer>('POST', '/api/decisions/loan_scoring/evaluate', { inputs: PRIME }, { authorization: `Bearer ${key.body.key}` });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.outputs).toEqual({ score: 100, recommendation: 'approve' });
    expect((await log('loan_scoring', '?limit=1')).items[0]).toMatchObject({ caller: 'api-key:loan-origination', source: 'api' });
    const other = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'crm-sync', roles: ['relationship_manager'] });
    expect((await server.anonymous('POST', '/api/decisions/loan_scoring/evaluate', { inputs: PRIME }, { authorization: `Bearer ${other.body.key}` })).status).toBe(403);
  });

  it('logs every evaluation with sensitive inputs masked, pages it newest first, and purges it by age', async () => {
    for (const [amount, passport] of [[10_000, 'E12345678'], [90_000, 'E87654321'], [20_000, 'X0000001']] as const) {
      expect((await evaluate(server.request, 'aml_screening', { Amount: amount, Passport: passport })).status).toBe(200);
    }
    const first = await log('aml_screening', '?limit=2');
    expect(first.items.map((e) => e.outputs)).toEqual([{ result: 'block' }, { result: 'review' }]);
    expect(first.items[0]).toMatchObject({ key: 'aml_screening', version: 1, caller: 'admin', source: 'api', caseId: null, inputs: { Amount: 20_000, Passport: '***' } });
    expect(first.items[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(first.nextCursor).not.toBeNull();
    const second = await log('aml_screening', `?limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ inputs: { Amount: 10_000, Passport: '***' }, outputs: { result: 'clear' } }], nextCursor: null });
    expect((await server.request<Problem>('GET', '/api/decisions/aml_screening/evaluations?cursor=nonsense')).status).toBe(400);
    // The passports are nowhere in the table.
    const stored = JSON.stringify(await server.database.read((sql) => sql.rows("SELECT * FROM bf_decision_evaluation WHERE decision_key = 'aml_screening'")));
    expect(stored).not.toMatch(/E12345678|E87654321|X0000001/);

    // Only administrators and holders of the evaluate grant read a decision's log.
    expect((await desk.as.rm_sh<Problem>('GET', '/api/decisions/loan_scoring/evaluations')).body.code).toBe('decisionEvaluateForbidden');
    expect((await desk.as.co_1('GET', '/api/decisions/aml_screening/evaluations')).status).toBe(403);
    expect((await desk.as.co_1<LogPage>('GET', '/api/decisions/loan_scoring/evaluations')).body.items.length).toBeGreaterThan(0);

    // An evaluation older than the retention period (90 days) goes at the next purge; the others stay.
    const oldest = second.items[0]!.id;
    await server.database.read((sql) => sql.execute("UPDATE bf_decision_evaluation SET evaluated_at = '2020-01-01 00:00:00.000' WHERE id = ?", [oldest]));
    expect(await server.app.get(DecisionEvaluationLog).purge()).toBe(1);
    expect((await log('aml_screening')).items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
  });

  it('logs each of many concurrent evaluations once (they share INSERTs)', async () => {
    const before = (await log('loan_scoring', '?limit=500')).items.length;
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => evaluate(desk.as.co_2, 'loan_scoring', { ...PRIME, CreditScore: 300 + i })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const logged = (await log('loan_scoring', '?limit=500')).items.filter((e) => e.caller === 'co_2');
    expect(logged).toHaveLength(60);
    expect(new Set(logged.map((e) => e.inputs.CreditScore)).size).toBe(60);
    expect((await log('loan_scoring', '?limit=500')).items.length).toBe(before + 60);
  });

  it("logs a flow case's decision with the case's id, in the case's command", async () => {
    const loan = await desk.newLoan('rm_sh', 600_000);
    const started = await desk.as.rm_sh<CaseDetail>('POST', '/api/flows/loan_approval/instances', { recordId: loan });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const logged = (await log('loan_scoring', '?limit=500')).items.filter((e) => e.caseId === started.body.id);
    expect(logged).toEqual([expect.objectContaining({ source: 'flow', caller: 'rm_sh', version: 1, inputs: expect.objectContaining({ CreditScore: 780 }), outputs: { score: 100, recommendation: 'approve' } })]);
  });

  it('pins a version: the latest by default, an earlier one by ?version=', async () => {
    const { document } = (await server.request<{ document: DecisionArtifact }>('GET', '/api/artifacts/decision/loan_scoring')).body;
    const stricter = structuredClone(document);
    const table = stricter.decisions[0]!.logic as { rules: { outputEntries: string[] }[] };
    table.rules[0]!.outputEntries = ['50'];
    // The example's own test cases expect the old points: this version is about pinning, so it carries none.
    delete stricter.tests;
    const published = await publish(stricter);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.version).toBe(2);
    expect((await evaluate(desk.as.co_1, 'loan_scoring', PRIME)).body).toMatchObject({ version: 2, outputs: { score: 90 } });
    expect((await evaluate(desk.as.co_1, 'loan_scoring', PRIME, '?version=1')).body).toMatchObject({ version: 1, outputs: { score: 100 } });
  });

  it('refuses to publish a decision whose test case fails, naming the outputs, and publishes it once fixed', async () => {
    const tests = [
      { name: 'listed passport', inputs: { Amount: 10, Passport: 'X0000001' }, expected: { result: 'block' } },
      { name: 'large cash', inputs: { Amount: 60_000, Passport: 'E1' }, expected: { result: 'review' } },
    ];
    // The threshold raised to 100,000: the large-cash case now says clear.
    const refused = await publish({ ...screening(100_000), tests });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'decisionTestsFailed',
      errors: [{ path: '/tests/1', code: 'decisionTestFailed', message: 'Test "large cash" failed: result is "clear", expected "review".', messageZh: '测试“large cash”未通过：result 为 "clear"，期望 "review"。' }],
    });
    expect(refused.body.errors).toHaveLength(1);
    expect((await evaluate(server.request, 'aml_screening', { Amount: 60_000 })).body).toMatchObject({ version: 1, outputs: { result: 'review' } });

    const fixed = await publish({ ...screening(100_000), tests: [tests[0]!, { ...tests[1]!, expected: { result: 'clear' } }] });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect((await evaluate(server.request, 'aml_screening', { Amount: 60_000 })).body).toMatchObject({ version: 2, outputs: { result: 'clear' } });
  });

  it('backtests a draft against the recorded evaluations: counts what changes, skips masked inputs', async () => {
    const band: DecisionArtifact = {
      kind: 'decision',
      key: 'risk_band',
      title: 'Risk band',
      inputData: [
        { name: 'Score', typeRef: 'number' },
        { name: 'National id', typeRef: 'string', sensitive: true },
      ],
      decisions: [{ name: 'Band', requirements: { inputs: ['Score'] }, logic: { kind: 'literalExpression', text: 'if Score >= 600 then "low" else "high"' } }],
    };
    expect((await publish(band)).status).toBe(200);
    for (const score of [500, 580, 620, 700]) expect((await evaluate(server.request, 'risk_band', { Score: score })).status).toBe(200);
    expect((await evaluate(server.request, 'risk_band', { Score: 590, 'National id': '110101199003070011' })).status).toBe(200);

    // The threshold lowered to 550: the 580 applicant moves from high to low risk.
    const draft = structuredClone(band);
    draft.decisions[0]!.logic = { kind: 'literalExpression', text: 'if Score >= 550 then "low" else "high"' };
    const tried = await analyst<Backtest>('POST', '/api/decisions/risk_band/backtest', { document: draft });
    expect(tried.status, JSON.stringify(tried.body)).toBe(200);
    expect(tried.body).toMatchObject({ key: 'risk_band', version: 1, evaluated: 4, changed: 1, unchanged: 3, failed: 0, skipped: 1 });
    expect(tried.body.changes).toEqual([expect.objectContaining({ inputs: { Score: 580 }, before: { result: 'high' }, after: { result: 'low' } })]);

    // Without a document, the saved draft; a limit replays only the latest evaluations.
    expect((await server.request('PUT', '/api/artifacts/decision/risk_band', draft)).status).toBe(200);
    const saved = await analyst<Backtest>('POST', '/api/decisions/risk_band/backtest', { limit: 3 });
    expect(saved.body).toMatchObject({ evaluated: 2, skipped: 1, changed: 0 });
    // A draft reading the score as text cannot take the recorded numbers: they fail.
    const retyped = structuredClone(draft);
    retyped.inputData![0]!.typeRef = 'string';
    expect((await analyst<Backtest>('POST', '/api/decisions/risk_band/backtest', { document: retyped })).body).toMatchObject({ evaluated: 4, failed: 4 });

    const invalid = await analyst<Problem>('POST', '/api/decisions/risk_band/backtest', { document: { ...draft, decisions: [{ name: 'Band', logic: { kind: 'literalExpression', text: 'if then' } }] } });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ code: 'invalidArtifact', errors: [expect.objectContaining({ path: expect.stringMatching(/^\/document\/decisions\/0/) })] });
    expect((await analyst<Problem>('POST', '/api/decisions/risk_band/backtest', { document: { ...draft, key: 'other' } })).body.errors?.[0]?.path).toBe('/document/key');
    expect((await analyst<Problem>('POST', '/api/decisions/risk_band/backtest', { limit: 10_001 })).status).toBe(422);
    expect((await analyst<Problem>('POST', '/api/decisions/no_such_decision/backtest', {})).status).toBe(404);
    // Analysts who may edit decisions, and administrators; not those who only evaluate.
    expect((await desk.as.co_1<Problem>('POST', '/api/decisions/loan_scoring/backtest', {})).body.code).toBe('forbidden');
    expect((await server.request<Backtest>('POST', '/api/decisions/loan_scoring/backtest', {})).status).toBe(200);

    const audited = await server.database.read((sql) => sql.rows<{ actor_name: string; detail: string }>("SELECT actor_name, detail FROM bf_audit WHERE action = 'backtest' ORDER BY seq"));
    expect(audited[0]?.actor_name).toBe('analyst');
    expect(JSON.parse(audited[0]!.detail)).toMatchObject({ kind: 'decision', key: 'risk_band', version: 1, evaluated: 4, changed: 1, skipped: 1, document: 'given' });
  });
});
