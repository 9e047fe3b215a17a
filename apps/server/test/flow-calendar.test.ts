import { cnMainlandCalendar } from '@bankforge/example-bank-crm';
import type { BusinessCalendar } from '@bankforge/flow-engine';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

const PASSWORD = 'Calendar-Reader-Passw0rd';

/** A second calendar: Hong Kong's zone, Monday to Saturday mornings. */
const hongKong: BusinessCalendar = {
  kind: 'calendar',
  key: 'hong_kong',
  title: 'Hong Kong',
  schemaVersion: 1,
  name: { en: 'Hong Kong', 'zh-CN': '香港' },
  timeZone: 'Asia/Hong_Kong',
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  workingHours: [{ start: '09:00', end: '13:00' }],
  years: {},
};

type Answer = { key: string; version: number; document: BusinessCalendar; code?: string };

/**
 * GET /api/flows/calendar: the business calendar business-time durations count on, as the flow
 * designer's simulation reads it: the one the server's own timers use, for those who design flows.
 */
describe.each(dialects())('the business calendar for flow designers on %s', (dialect) => {
  let server: TestServer;
  let analyst: Requester;
  let teller: Requester;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const roles = [
      { key: 'flow_analyst', label: { en: 'Flow analyst' }, artifacts: { flow: ['edit'] } },
      { key: 'form_analyst', label: { en: 'Form analyst' }, artifacts: { form: ['edit', 'publish'] } },
    ];
    for (const role of roles) expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    for (const [username, role] of [['analyst', 'flow_analyst'], ['teller', 'form_analyst']] as const) {
      const created = await server.request('POST', '/api/auth/users', { username, displayName: username, branch: 'HQ', roles: [role], managerId: null, password: PASSWORD });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    analyst = await server.signIn('analyst', PASSWORD);
    teller = await server.signIn('teller', PASSWORD);
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => server?.close());

  it('says when no calendar is published: business time then counts in calendar time', async () => {
    const none = await analyst<Answer>('GET', '/api/flows/calendar');
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(none.body.code).toBe('noBusinessCalendar');
  });

  it('answers the one published calendar, then the mainland one by default once there are two', async () => {
    await server.publishArtifact(hongKong);
    const only = await analyst<Answer>('GET', '/api/flows/calendar');
    expect(only.status).toBe(200);
    expect(only.body).toMatchObject({ key: 'hong_kong', version: 1, document: { timeZone: 'Asia/Hong_Kong', workingHours: [{ start: '09:00', end: '13:00' }] } });

    await server.publishArtifact(cnMainlandCalendar);
    const mainland = await analyst<Answer>('GET', '/api/flows/calendar');
    expect(mainland.status).toBe(200);
    expect(mainland.body.key).toBe('cn_mainland');
    expect(mainland.body.version).toBe(1);
    expect(mainland.body.document.years['2026']?.holidays?.length).toBe(cnMainlandCalendar.years['2026']?.holidays?.length);
  });

  it('follows BANKFORGE_CALENDAR, as the timers do', async () => {
    vi.stubEnv('BANKFORGE_CALENDAR', 'hong_kong');
    // Read on every call, as FlowContextLoader reads it for each command.
    expect((await analyst<Answer>('GET', '/api/flows/calendar')).body.key).toBe('hong_kong');
  });

  it('is for those who design flows: others are refused, and nobody unsigned reads it', async () => {
    const refused = await teller<Answer>('GET', '/api/flows/calendar');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await server.anonymous('GET', '/api/flows/calendar')).status).toBe(401);
    expect((await server.request<Answer>('GET', '/api/flows/calendar')).status).toBe(200);
  });
});
