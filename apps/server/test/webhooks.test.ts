/**
 * Outbound webhooks against receivers on 127.0.0.1: record changes reach a subscribed receiver
 * signed (checked with the standardwebhooks library), both secrets sign while one rotates, filters
 * hold back what they do not match, failures are retried on the schedule and replayed with the
 * same webhook-id, a private target not allow-listed is refused, persistent failure disables the
 * subscription, no secret is answered twice or stored in clear, and only administrators manage them.
 * Each subscription is sent what its roles may see (hidden fields left out, masked ones masked, no
 * entity they cannot read in full); one without roles gets every field any role restricts masked.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityDefinition } from '@bankforge/data-model';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainEventDispatcher } from '../src/modules/events/domain-event-dispatcher.js';
import { WebhookDeliveries } from '../src/modules/webhooks/webhook-deliveries.js';
import { WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES, WEBHOOK_MAX_ATTEMPTS } from '../src/modules/webhooks/webhook-schedule.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

const MOBILE = '13812345678';
const label = (text: string): { en: string; 'zh-CN': string } => ({ en: text, 'zh-CN': text });

/** A loan's review: one approval by `wh_checker`, then the end. */
const review = {
  kind: 'flow',
  key: 'wh_review',
  title: 'wh_review',
  schemaVersion: 1,
  entity: 'wh_loan',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', name: label('start') },
    { id: 'check', type: 'approval', name: label('check'), assignees: [{ kind: 'user', userId: 'wh_checker' }], mode: 'single', actions: ['approve', 'reject'] },
    { id: 'done', type: 'end', name: label('done') },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'check' },
    { id: 'e2', source: 'check', target: 'done' },
  ],
};

const loan: EntityDefinition = {
  kind: 'entity',
  key: 'wh_loan',
  title: 'Loan application',
  label: { en: 'Loan application', 'zh-CN': '贷款申请' },
  fields: [
    field('w_applicant', 'applicant', 'text', { required: true, maxLength: 60 }),
    field('w_status', 'status', 'text', { maxLength: 20 }),
    field('w_mobile', 'mobile', 'mobile', { sensitive: true }),
    field('w_account', 'account_no', 'text', { maxLength: 32 }),
    field('w_note', 'risk_note', 'text', { maxLength: 200 }),
  ],
};

/** Readers of loans: a relationship manager's view (account masked its own way, risk note hidden), a risk officer's (all clear), a branch's (not all loans). */
const READER_ROLES = [
  {
    key: 'wh_rm',
    label: { en: 'Loan RM', 'zh-CN': '贷款客户经理' },
    entities: { wh_loan: { read: 'all', fields: { account_no: { access: 'masked', mask: { strategy: 'keep', keepFirst: 4, keepLast: 0 } }, risk_note: { access: 'hidden' } } } },
  },
  { key: 'wh_risk', label: { en: 'Risk officer', 'zh-CN': '风控专员' }, entities: { wh_loan: { read: 'all' } } },
  { key: 'wh_branch', label: { en: 'Branch reader', 'zh-CN': '网点查阅' }, entities: { wh_loan: { read: 'branch' } } },
];
const ACCOUNT = '6222020200112233';

interface Seen {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

interface Receiver {
  port: number;
  seen: Seen[];
  server: Server;
  url: string;
}

/** A local receiver that records what it is sent and answers the status `answer` gives for the nth request (from 1). */
async function receiver(answer: (n: number) => number = () => 200): Promise<Receiver> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ headers: request.headers, body, path: request.url ?? '' });
      response.writeHead(answer(seen.length), { 'content-type': 'text/plain' });
      response.end('received: a body the log never keeps');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, seen, server, url: `http://127.0.0.1:${port}/hooks` };
}

interface DeliveryRow {
  id: string;
  subscription_key: string;
  event_id: string;
  state: string;
  attempts: number;
  max_attempts: number;
  last_status: number | null;
  last_error: string | null;
  wait_seconds: number;
}

interface Problem {
  code: string;
  errors?: { path: string; code: string; message: string; messageZh?: string }[];
}

interface Created {
  subscription: { key: string; enabled: boolean; version: number };
  secret: string;
}

describe.each(dialects())('webhooks on %s', (dialect) => {
  let server: TestServer;
  let events: DomainEventDispatcher;
  let webhooks: WebhookDeliveries;
  let good: Receiver;
  let flaky: Receiver;
  let down: Receiver;
  let blocked: Receiver;
  let names = 0;
  const saved = { events: process.env.BANKFORGE_EVENT_POLL_MS, webhooks: process.env.BANKFORGE_WEBHOOK_POLL_MS };

  /** Events to deliveries, deliveries to receivers: what the background ticks do. */
  const settle = async (): Promise<void> => {
    await events.dispatchDue();
    await webhooks.dispatchDue();
  };
  const subscribe = async (key: string, url: string, extra: Record<string, unknown> = {}): Promise<Created> => {
    const created = await server.request<Created>('POST', '/api/webhooks', { key, name: { en: `Hook ${key}`, 'zh-CN': `订阅 ${key}` }, url, eventTypes: ['record.*'], ...extra });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const newLoan = async (values: Record<string, unknown> = {}): Promise<{ id: string; version: number }> => {
    const created = await server.request<{ id: string; version: number }>('POST', '/api/records/wh_loan', { applicant: `A-${dialect}-${++names}`, status: 'submitted', ...values });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const deliveriesOf = (key: string): Promise<DeliveryRow[]> =>
    server.database.read((sql) =>
      sql.rows<DeliveryRow>(
        `SELECT id, subscription_key, event_id, state, attempts, max_attempts, last_status, last_error, ${
          dialect === 'mysql' ? 'TIMESTAMPDIFF(SECOND, last_attempt_at, next_attempt_at)' : "CAST(ROUND((julianday(next_attempt_at) - julianday(last_attempt_at)) * 86400) AS INTEGER)"
        } AS wait_seconds FROM bf_webhook_delivery WHERE subscription_key = ? ORDER BY created_at, id`,
        [key],
      ),
    ).then((rows) => rows.map((r) => ({ ...r, attempts: Number(r.attempts), max_attempts: Number(r.max_attempts), last_status: r.last_status === null ? null : Number(r.last_status), wait_seconds: Number(r.wait_seconds) })));
  /** Makes every pending delivery due now, as if its wait had passed. */
  const makeDue = (): Promise<number> => server.database.single((sql) => sql.execute(`UPDATE bf_webhook_delivery SET next_attempt_at = ? WHERE state = 'pending'`, ['2020-01-01 00:00:00.000']));

  beforeAll(async () => {
    process.env.BANKFORGE_EVENT_POLL_MS = '0';
    process.env.BANKFORGE_WEBHOOK_POLL_MS = '0';
    server = await startTestServer(dialect);
    events = server.app.get(DomainEventDispatcher);
    webhooks = server.app.get(WebhookDeliveries);
    await server.publishEntity(loan);
    await server.publishArtifact(review);
    expect((await server.request('POST', '/api/auth/users', { username: 'wh_checker', displayName: 'Checker', roles: [], password: 'Checker-Pass-2026' })).status).toBe(201);
    for (const role of READER_ROLES) expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    good = await receiver();
    flaky = await receiver((n) => (n === 1 ? 500 : 200));
    down = await receiver(() => 503);
    blocked = await receiver();
    const hosts = await server.request('PUT', '/api/connectors/allowed-hosts', { hosts: [good, flaky, down].map((r) => `127.0.0.1:${r.port}`) });
    expect(hosts.status).toBe(200);
  });
  afterEach(async () => {
    await settle();
    for (const { key } of (await server.request<{ key: string }[]>('GET', '/api/webhooks')).body) await server.request('DELETE', `/api/webhooks/${key}`);
    for (const r of [good, flaky, down, blocked]) r.seen.length = 0;
  });
  afterAll(async () => {
    for (const r of [good, flaky, down, blocked]) r?.server.close();
    await server?.close();
    for (const [name, value] of [['BANKFORGE_EVENT_POLL_MS', saved.events], ['BANKFORGE_WEBHOOK_POLL_MS', saved.webhooks]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('refuses what is not valid, each at its path and in both languages; a FEEL syntax error at /filter', async () => {
    const bad = await server.request<Problem>('POST', '/api/webhooks', { key: 'Bad Key', name: { en: '' }, url: 'x', eventTypes: ['record.renamed'] });
    expect(bad.status).toBe(422);
    expect(Object.fromEntries((bad.body.errors ?? []).map((e) => [e.path, e.code]))).toMatchObject({ '/key': 'pattern', '/name/en': 'minLength', '/name/zh-CN': 'required', '/eventTypes/0': 'option' });
    expect(bad.body.errors!.every((e) => e.messageZh)).toBe(true);
    const feel = await server.request<Problem>('POST', '/api/webhooks', { key: 'bad_filter', name: { en: 'x', 'zh-CN': 'x' }, url: 'ftp://x', eventTypes: ['record.updated'], filter: 'entity = ' });
    expect(feel.status).toBe(422);
    expect(feel.body.errors?.map((e) => [e.path, e.code])).toEqual([['/url', 'url'], ['/filter', 'feelSyntax']]);
    expect(feel.body.errors?.[1]?.messageZh).toMatch(/FEEL/);
  });

  it('sends a record change signed, as the standardwebhooks library verifies, with sensitive values masked and no secret shown again', async () => {
    const { secret, subscription } = await subscribe('crm_feed', good.url, { eventTypes: ['record.updated'], filter: 'entity = "wh_loan" and changes.status.new = "approved"' });
    expect(secret).toMatch(/^whsec_/);
    const loanRecord = await newLoan({ mobile: MOBILE });
    await settle();
    expect(good.seen).toHaveLength(0);
    const updated = await server.request('PATCH', `/api/records/wh_loan/${loanRecord.id}`, { version: loanRecord.version, status: 'approved', mobile: '13900001111' });
    expect(updated.status).toBe(200);
    await settle();
    expect(good.seen).toHaveLength(1);
    const [received] = good.seen;
    const verified = new Webhook(secret).verify(received!.body, received!.headers as Record<string, string>) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(verified.type).toBe('record.updated');
    expect(verified.data).toMatchObject({ entity: 'wh_loan', recordId: loanRecord.id, changes: { status: { old: 'submitted', new: 'approved' }, mobile: { masked: true } } });
    expect(received!.body).not.toContain('13900001111');
    expect(received!.body).not.toContain(MOBILE);
    const [delivery] = await deliveriesOf('crm_feed');
    expect(delivery).toMatchObject({ id: received!.headers['webhook-id'], state: 'delivered', attempts: 1, last_status: 200, last_error: null });

    const log = await server.request<{ items: { id: string; state: string; eventType: string }[] }>('GET', '/api/webhooks/crm_feed/deliveries?state=delivered&limit=10');
    expect(log.body.items.map((d) => [d.id, d.state, d.eventType])).toEqual([[delivery!.id, 'delivered', 'record.updated']]);
    for (const path of ['/api/webhooks', '/api/webhooks/crm_feed', '/api/webhooks/crm_feed/deliveries']) expect(JSON.stringify((await server.request('GET', path)).body)).not.toContain(secret.slice(6, 20));
    const changed = await server.request('PUT', '/api/webhooks/crm_feed', { name: { en: 'CRM feed', 'zh-CN': 'CRM 推送' }, url: good.url, eventTypes: ['record.updated'], version: subscription.version });
    expect(changed.status).toBe(200);
    expect(JSON.stringify(changed.body)).not.toContain(secret.slice(6, 20));
    const stale = await server.request<Problem>('PUT', '/api/webhooks/crm_feed', { name: { en: 'x', 'zh-CN': 'x' }, url: good.url, eventTypes: ['record.updated'], version: subscription.version });
    expect(stale.status).toBe(409);
    const tables = JSON.stringify(await server.database.read(async (sql) => [await sql.rows('SELECT * FROM bf_audit'), await sql.rows('SELECT * FROM bf_webhook_subscription'), await sql.rows('SELECT * FROM bf_webhook_delivery')]));
    expect(tables).not.toContain(secret.slice(6, 20));
    const audit = await server.request<{ detail: Record<string, unknown> }[]>('GET', '/api/audit?action=webhook&limit=100');
    expect(audit.body.map((e) => e.detail.change)).toEqual(expect.arrayContaining(['created', 'updated']));
  });

  it('signs with both secrets while one rotates: a receiver with only the old one and one with only the new both verify', async () => {
    const { secret: oldSecret } = await subscribe('rotating', good.url);
    const rotated = await server.request<Created & { subscription: { previousSecretUntil?: string } }>('POST', '/api/webhooks/rotating/rotate-secret', undefined, { 'idempotency-key': 'rotate-rotating-1' });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.body.subscription.previousSecretUntil).toBeDefined();
    await newLoan();
    await settle();
    expect(good.seen).toHaveLength(1);
    const { body, headers } = good.seen[0]!;
    expect(String(headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret]) expect(() => new Webhook(secret).verify(body, headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook('whsec_' + Buffer.alloc(32, 7).toString('base64')).verify(body, headers as Record<string, string>)).toThrow();
    const audit = JSON.stringify((await server.request('GET', '/api/audit?action=webhook&limit=100')).body);
    expect(audit).toContain('secretRotated');
    // The rotation's answer, kept for its Idempotency-Key, is sealed like every kept answer.
    const stores = JSON.stringify(await server.database.read(async (sql) => [await sql.rows('SELECT * FROM bf_idempotency'), await sql.rows('SELECT * FROM bf_webhook_subscription')]));
    for (const secret of [oldSecret, newSecret]) {
      expect(audit).not.toContain(secret.slice(6, 20));
      expect(stores).not.toContain(secret.slice(6, 20));
    }
  });

  it('sends nothing for an event the types or the filter do not match', async () => {
    await subscribe('approvals_only', good.url, { eventTypes: ['record.updated'], filter: 'changes.status.new = "approved"' });
    await subscribe('cases_only', good.url, { eventTypes: ['case.*'] });
    const record = await newLoan();
    await server.request('PATCH', `/api/records/wh_loan/${record.id}`, { version: record.version, status: 'declined' });
    await settle();
    expect(good.seen).toHaveLength(0);
    expect(await deliveriesOf('approvals_only')).toEqual([]);
    expect(await deliveriesOf('cases_only')).toEqual([]);
  });

  it('sends case steps to a subscription of their family', async () => {
    await subscribe('case_feed', good.url, { eventTypes: ['case.*'] });
    const record = await newLoan();
    expect((await server.request('POST', '/api/flows/wh_review/instances', { recordId: record.id })).status).toBe(201);
    await settle();
    const sent = good.seen.map((s) => JSON.parse(s.body) as { type: string; data: { entity: string; recordId: string; changes: Record<string, unknown> } });
    expect(sent.map((m) => m.type)).toEqual(['case.started']);
    expect(sent[0]!.data).toMatchObject({ entity: 'wh_loan', recordId: record.id, changes: { flow: { new: 'wh_review' }, status: { new: 'running' } } });
  });

  it('retries a 500 after the scheduled wait and delivers once, with the same webhook-id; replay sends it again with that id', async () => {
    await subscribe('flaky_feed', flaky.url);
    await newLoan();
    await settle();
    expect(flaky.seen).toHaveLength(1);
    const [first] = await deliveriesOf('flaky_feed');
    expect(first).toMatchObject({ state: 'pending', attempts: 1, last_status: 500, last_error: 'HTTP 500' });
    // The first wait is 5 s, give or take a tenth.
    expect(first!.wait_seconds).toBeGreaterThanOrEqual(4);
    expect(first!.wait_seconds).toBeLessThanOrEqual(6);
    await webhooks.dispatchDue();
    expect(flaky.seen).toHaveLength(1);
    await makeDue();
    await webhooks.dispatchDue();
    expect(flaky.seen).toHaveLength(2);
    const [second] = await deliveriesOf('flaky_feed');
    expect(second).toMatchObject({ id: first!.id, state: 'delivered', attempts: 2, last_status: 200 });
    expect(flaky.seen.map((s) => s.headers['webhook-id'])).toEqual([first!.id, first!.id]);
    await webhooks.dispatchDue();
    expect(flaky.seen).toHaveLength(2);

    const replayed = await server.request<{ id: string; state: string }>('POST', `/api/webhooks/deliveries/${first!.id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ id: first!.id, state: 'pending' });
    await webhooks.dispatchDue();
    expect(flaky.seen).toHaveLength(3);
    expect(flaky.seen[2]!.headers['webhook-id']).toBe(first!.id);
    expect((await deliveriesOf('flaky_feed'))[0]).toMatchObject({ state: 'delivered', attempts: 3 });
    expect((await server.request<Problem>('POST', '/api/webhooks/deliveries/msg_nothing/replay')).status).toBe(404);
  });

  it('gives a delivery up after the last scheduled attempt', async () => {
    await subscribe('down_feed', down.url);
    await newLoan();
    await settle();
    const [first] = await deliveriesOf('down_feed');
    expect(first).toMatchObject({ state: 'pending', attempts: 1, last_status: 503, max_attempts: WEBHOOK_MAX_ATTEMPTS });
    for (let attempt = 2; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      await makeDue();
      await webhooks.dispatchDue();
    }
    expect(down.seen).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect((await deliveriesOf('down_feed'))[0]).toMatchObject({ state: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, last_status: 503 });
    expect((await server.request<{ consecutiveFailures: number; enabled: boolean }>('GET', '/api/webhooks/down_feed')).body).toMatchObject({ consecutiveFailures: 1, enabled: true });
    // Finished deliveries leave the log after the retention period; pending ones never do.
    expect(await webhooks.purgeFinished(Date.now() + (webhooks.retentionDays - 1) * 86_400_000)).toBe(0);
    expect(await webhooks.purgeFinished(Date.now() + (webhooks.retentionDays + 1) * 86_400_000)).toBeGreaterThanOrEqual(1);
    expect(await deliveriesOf('down_feed')).toEqual([]);
  });

  it('refuses a 127.0.0.1 target that is not allow-listed, without retrying, and disables the subscription after persistent failure', async () => {
    await subscribe('internal', blocked.url);
    await newLoan();
    await settle();
    expect(blocked.seen).toHaveLength(0);
    const [refused] = await deliveriesOf('internal');
    expect(refused).toMatchObject({ state: 'failed', attempts: 1, last_status: null });
    expect(refused!.last_error).toMatch(/^privateAddress: refused: 127\.0\.0\.1 is/);
    for (let n = 1; n < WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES; n++) await newLoan();
    await settle();
    const disabled = await server.request<{ enabled: boolean; disabledReason?: string; consecutiveFailures: number }>('GET', '/api/webhooks/internal');
    expect(disabled.body).toMatchObject({ enabled: false, consecutiveFailures: WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES });
    expect(disabled.body.disabledReason).toMatch(/Disabled after 3 deliveries in a row failed; the last: privateAddress/);
    const audit = await server.request<{ actorName: string; detail: Record<string, unknown> }[]>('GET', '/api/audit?action=webhook&recordId=internal&limit=100');
    expect(audit.body.find((e) => e.detail.change === 'disabled')).toMatchObject({ actorName: 'system' });
    // The administrators hear of it in the app, with what to do; it leads to no case or record.
    const told = await server.request<{ items: { kind: string; caseId?: string; record?: unknown; text: { en: string; 'zh-CN': string } }[] }>('GET', '/api/notifications?unread=true');
    const notice = told.body.items.find((n) => n.kind === 'webhookDisabled');
    expect(notice?.text.en).toMatch(/^Webhook internal was turned off: 3 deliveries in a row failed \(the last: privateAddress/);
    expect(notice?.text['zh-CN']).toMatch(/^Webhook internal 已停用：连续 3 次投递失败/);
    expect([notice?.caseId, notice?.record]).toEqual([undefined, undefined]);
    // Disabled: new events leave no delivery, and a replay is refused until enabled.
    await newLoan();
    await settle();
    expect(await deliveriesOf('internal')).toHaveLength(WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES);
    expect((await server.request<Problem>('POST', `/api/webhooks/deliveries/${refused!.id}/replay`)).body.code).toBe('webhookDisabled');
    const enabled = await server.request<{ enabled: boolean; consecutiveFailures: number; disabledReason?: string }>('POST', '/api/webhooks/internal/enable');
    expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    expect(enabled.body.disabledReason).toBeUndefined();
  });

  it("sends each subscription what its roles may see: masked fields masked, hidden ones left out, clear ones clear; without roles, what any role restricts masked", async () => {
    const rm = await subscribe('rm_feed', `${good.url}/rm`, { roles: ['wh_rm'] });
    await subscribe('risk_feed', `${good.url}/risk`, { roles: ['wh_risk'] });
    await subscribe('plain_feed', `${good.url}/plain`);
    await subscribe('branch_feed', `${good.url}/branch`, { roles: ['wh_branch'] });
    // A filter reads the event as the subscription's reader sees it: a hidden field's value never passes.
    await subscribe('peeking_feed', `${good.url}/peeking`, { roles: ['wh_rm'], filter: 'changes.risk_note.new = "watch list"' });
    expect((await server.request<{ roles: string[] }>('GET', '/api/webhooks/rm_feed')).body.roles).toEqual(['wh_rm']);
    expect((await server.request<{ roles: string[] }>('GET', '/api/webhooks/plain_feed')).body.roles).toEqual([]);
    const record = await newLoan({ account_no: ACCOUNT, risk_note: 'watch list', mobile: MOBILE });
    expect((await server.request('PATCH', `/api/records/wh_loan/${record.id}`, { version: record.version, account_no: '6222020200119999', risk_note: 'cleared' })).status).toBe(200);
    await settle();
    const sent = (path: string): { type: string; data: { changes: Record<string, unknown> } }[] => good.seen.filter((s) => s.path === `/hooks/${path}`).map((s) => JSON.parse(s.body) as { type: string; data: { changes: Record<string, unknown> } });
    const changesOf = (path: string): Record<string, unknown>[] => sent(path).map((m) => m.data.changes);

    const [rmCreated, rmUpdated] = changesOf('rm');
    expect(rmCreated).toMatchObject({ account_no: { new: '6222************' }, mobile: { masked: true } });
    expect(rmCreated).not.toHaveProperty('risk_note');
    expect(rmUpdated).toEqual({ account_no: { old: '6222************', new: '6222************' } });
    const [riskCreated, riskUpdated] = changesOf('risk');
    expect(riskCreated).toMatchObject({ account_no: { new: ACCOUNT }, risk_note: { new: 'watch list' }, mobile: { masked: true } });
    expect(riskUpdated).toEqual({ account_no: { old: ACCOUNT, new: '6222020200119999' }, risk_note: { old: 'watch list', new: 'cleared' } });
    // No roles: the account number some role masks, and the note some role hides, both with their field's default mask.
    const [plainCreated, plainUpdated] = changesOf('plain');
    expect(plainCreated).toMatchObject({ account_no: { new: '************2233' }, risk_note: { new: 'w*********' }, status: { new: 'submitted' }, mobile: { masked: true } });
    expect(plainUpdated).toEqual({ account_no: { old: '************2233', new: '************9999' }, risk_note: { old: 'w*********', new: 'c******' } });
    // A reader of its branch's loans is no reader of all of them: a system has no branch.
    expect(sent('branch')).toEqual([]);
    expect(await deliveriesOf('branch_feed')).toEqual([]);
    expect(sent('peeking')).toEqual([]);
    for (const path of ['rm', 'plain']) {
      const bodies = good.seen.filter((s) => s.path === `/hooks/${path}`).map((s) => s.body).join('\n');
      for (const secret of [ACCOUNT, '6222020200119999', 'watch list', 'cleared', MOBILE]) expect(bodies, path).not.toContain(secret);
    }
    // What is stored is what is signed and sent.
    const rmSeen = good.seen.filter((s) => s.path === '/hooks/rm');
    for (const received of rmSeen) expect(() => new Webhook(rm.secret).verify(received.body, received.headers as Record<string, string>)).not.toThrow();
    const stored = await server.database.read((sql) => sql.rows<{ id: string; payload: string }>("SELECT id, payload FROM bf_webhook_delivery WHERE subscription_key = 'rm_feed'"));
    expect(rmSeen.map((s) => s.body).sort()).toEqual(stored.map((d) => d.payload).sort());
    const audit = await server.request<{ detail: { change: string; after?: { roles: string[] } } }[]>('GET', '/api/audit?action=webhook&recordId=rm_feed&limit=10');
    expect(audit.body.find((e) => e.detail.change === 'created')?.detail.after?.roles).toEqual(['wh_rm']);
  });

  it('sends case steps to a subscription whose roles read the record entity in full, not to one that reads a branch of it', async () => {
    await subscribe('risk_cases', `${good.url}/risk`, { eventTypes: ['case.*'], roles: ['wh_risk'] });
    await subscribe('branch_cases', `${good.url}/branch`, { eventTypes: ['case.*'], roles: ['wh_branch'] });
    const record = await newLoan();
    expect((await server.request('POST', '/api/flows/wh_review/instances', { recordId: record.id })).status).toBe(201);
    await settle();
    expect(good.seen.map((s) => [s.path, (JSON.parse(s.body) as { type: string }).type])).toEqual([['/hooks/risk', 'case.started']]);
  });

  it('changes the roles at a version, audited; refuses unknown and administrator roles at their index, and a malformed key, in both languages', async () => {
    const { subscription } = await subscribe('role_feed', good.url, { roles: ['wh_rm'] });
    const changed = await server.request<{ roles: string[]; version: number }>('PUT', '/api/webhooks/role_feed', { name: { en: 'x', 'zh-CN': 'x' }, url: good.url, eventTypes: ['record.*'], roles: ['wh_risk', 'wh_rm'], version: subscription.version });
    expect(changed.body.roles).toEqual(['wh_risk', 'wh_rm']);
    const audit = await server.request<{ detail: { change: string; before?: { roles: string[] }; after?: { roles: string[] } } }[]>('GET', '/api/audit?action=webhook&recordId=role_feed&limit=10');
    expect(audit.body.find((e) => e.detail.change === 'updated')?.detail).toMatchObject({ before: { roles: ['wh_rm'] }, after: { roles: ['wh_risk', 'wh_rm'] } });

    const unknown = await server.request<Problem>('POST', '/api/webhooks', { key: 'bad_roles', name: { en: 'x', 'zh-CN': 'x' }, url: good.url, eventTypes: ['record.*'], roles: ['wh_rm', 'no_such_role', 'administrator'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.map((e) => [e.path, e.code])).toEqual([['/roles/1', 'roleNotFound'], ['/roles/2', 'administratorRole']]);
    expect(unknown.body.errors?.map((e) => [e.message, e.messageZh])).toEqual([
      ['There is no role no_such_role.', '角色 no_such_role 不存在。'],
      ['Role administrator is an administrator role; a webhook reads through roles that grant entities.', '角色 administrator 是管理员角色；Webhook 只能通过授予实体权限的角色读取数据。'],
    ]);
    expect((await server.request('GET', '/api/webhooks/bad_roles')).status).toBe(404);
    const onChange = await server.request<Problem>('PUT', '/api/webhooks/role_feed', { name: { en: 'x', 'zh-CN': 'x' }, url: good.url, eventTypes: ['record.*'], roles: ['gone'], version: changed.body.version });
    expect(onChange.body.errors?.map((e) => [e.path, e.code])).toEqual([['/roles/0', 'roleNotFound']]);
    const malformed = await server.request<Problem>('POST', '/api/webhooks', { key: 'bad_roles', name: { en: 'x', 'zh-CN': 'x' }, url: good.url, eventTypes: ['record.*'], roles: ['Not A Key'] });
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors?.map((e) => [e.path, e.code, e.messageZh])).toEqual([['/roles/0', 'pattern', '角色均须为角色标识（小写字母开头，其后为小写字母、数字或下划线）。']]);
  });

  it('answers 403 to anyone but an administrator', async () => {
    await subscribe('guarded', good.url);
    await server.request('PUT', '/api/auth/roles/wh_teller', { key: 'wh_teller', label: { en: 'Teller', 'zh-CN': '柜员' } });
    await server.request('POST', '/api/auth/users', { username: 'wh_teller1', displayName: 'Teller', roles: ['wh_teller'], password: 'Teller-Pass-2026' });
    const teller = await server.signIn('wh_teller1', 'Teller-Pass-2026');
    for (const [method, path, body] of [
      ['GET', '/api/webhooks'],
      ['GET', '/api/webhooks/guarded'],
      ['POST', '/api/webhooks', { key: 'x', name: { en: 'x', 'zh-CN': 'x' }, url: good.url, eventTypes: ['record.*'] }],
      ['PUT', '/api/webhooks/guarded', { name: { en: 'x', 'zh-CN': 'x' }, url: good.url, eventTypes: ['record.*'], version: 1 }],
      ['POST', '/api/webhooks/guarded/rotate-secret'],
      ['POST', '/api/webhooks/guarded/enable'],
      ['GET', '/api/webhooks/guarded/deliveries'],
      ['POST', '/api/webhooks/deliveries/msg_x/replay'],
      ['DELETE', '/api/webhooks/guarded'],
    ] as const) {
      expect((await teller(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
  });
});
