// The independent implementation: the Standard Webhooks project's own JavaScript library.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature.js';

const BODY = '{"type":"customer.updated","data":{"id":"c_42","name":"Zhang Wei 张伟"}}';
// The library checks against its own clock, so these tests sign with the real time.
const now = (): Date => new Date();

describe('webhook signatures (Standard Webhooks)', () => {
  it('matches the published example signature', () => {
    const headers = signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: new Date(1614265330 * 1000),
      body: '{"test": 2432232314}',
      secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    });
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('signs what the reference library verifies, string or bytes', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: 'msg_1', timestamp: now(), body: BODY, secrets: [secret] });
    expect(new Webhook(secret).verify(BODY, { ...headers })).toEqual(JSON.parse(BODY));
    const bytes = new TextEncoder().encode(BODY);
    const fromBytes = signWebhook({ id: 'msg_1', timestamp: now(), body: bytes, secrets: [secret] });
    expect(fromBytes['webhook-signature']).toBe(headers['webhook-signature']);
  });

  it('verifies what the reference library signs', () => {
    const secret = generateWebhookSecret();
    const at = now();
    const headers = {
      'Webhook-Id': 'msg_2',
      'Webhook-Timestamp': String(Math.floor(at.getTime() / 1000)),
      'Webhook-Signature': new Webhook(secret).sign('msg_2', at, BODY),
    };
    expect(verifyWebhook(headers, BODY, [secret], { now: at })).toEqual({ ok: true });
    expect(verifyWebhook(headers, Buffer.from(BODY), [secret], { now: at })).toEqual({ ok: true });
  });

  it('while a secret rotates, signs with both: a receiver knowing only one of them accepts', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const at = now();
    const headers = signWebhook({ id: 'msg_3', timestamp: at, body: BODY, secrets: [newSecret, oldSecret] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret]) {
      expect(() => new Webhook(secret).verify(BODY, { ...headers })).not.toThrow();
      expect(verifyWebhook(headers, BODY, [secret], { now: at })).toEqual({ ok: true });
    }
    const stranger = generateWebhookSecret();
    expect(() => new Webhook(stranger).verify(BODY, { ...headers })).toThrow();
    expect(verifyWebhook(headers, BODY, [stranger], { now: at })).toEqual({ ok: false, reason: 'noMatchingSignature' });
  });

  it('a receiver holding both secrets accepts a message signed by either alone', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const at = now();
    for (const signer of [oldSecret, newSecret]) {
      const headers = signWebhook({ id: 'msg_4', timestamp: at, body: BODY, secrets: [signer] });
      expect(verifyWebhook(headers, BODY, [newSecret, oldSecret], { now: at })).toEqual({ ok: true });
    }
  });

  it('refuses a changed body, id or timestamp, ours and theirs alike', () => {
    const secret = generateWebhookSecret();
    const at = now();
    const headers = signWebhook({ id: 'msg_5', timestamp: at, body: BODY, secrets: [secret] });
    const later = String(Number(headers['webhook-timestamp']) + 1);
    const tampered: [Record<string, string>, string][] = [
      [{ ...headers }, BODY.replace('c_42', 'c_43')],
      [{ ...headers }, `${BODY} `],
      [{ ...headers, 'webhook-id': 'msg_6' }, BODY],
      [{ ...headers, 'webhook-timestamp': later }, BODY],
    ];
    for (const [changed, body] of tampered) {
      expect(verifyWebhook(changed, body, [secret], { now: at })).toEqual({ ok: false, reason: 'noMatchingSignature' });
      expect(() => new Webhook(secret).verify(body, changed)).toThrow(/No matching signature/);
    }
  });

  it('refuses a timestamp outside the tolerance, either way', () => {
    const secret = generateWebhookSecret();
    const signedAt = new Date('2026-03-01T10:00:00Z');
    const headers = signWebhook({ id: 'msg_7', timestamp: signedAt, body: BODY, secrets: [secret] });
    const at = (seconds: number): Date => new Date(signedAt.getTime() + seconds * 1000);
    expect(verifyWebhook(headers, BODY, [secret], { now: at(300) })).toEqual({ ok: true });
    expect(verifyWebhook(headers, BODY, [secret], { now: at(-300) })).toEqual({ ok: true });
    expect(verifyWebhook(headers, BODY, [secret], { now: at(301) })).toEqual({ ok: false, reason: 'timestampTooOld' });
    expect(verifyWebhook(headers, BODY, [secret], { now: at(-301) })).toEqual({ ok: false, reason: 'timestampTooNew' });
    expect(verifyWebhook(headers, BODY, [secret], { now: at(3600), toleranceSeconds: 3600 })).toEqual({ ok: true });
    // The reference library agrees on its own clock: this message is long past.
    expect(() => new Webhook(secret).verify(BODY, { ...headers })).toThrow(/too old/);
  });

  it('refuses missing, doubled or malformed headers and skips other signature versions', () => {
    const secret = generateWebhookSecret();
    const at = now();
    const headers = signWebhook({ id: 'msg_8', timestamp: at, body: BODY, secrets: [secret] });
    const check = (h: Record<string, string | string[]>): unknown => verifyWebhook(h, BODY, [secret], { now: at });
    expect(check({ 'webhook-id': 'msg_8', 'webhook-timestamp': headers['webhook-timestamp'] })).toEqual({ ok: false, reason: 'missingHeaders' });
    expect(check({ ...headers, 'Webhook-Id': 'msg_8' })).toEqual({ ok: false, reason: 'missingHeaders' });
    expect(check({ ...headers, 'webhook-id': ['msg_8', 'msg_8'] })).toEqual({ ok: false, reason: 'missingHeaders' });
    expect(check({ ...headers, 'webhook-timestamp': '12.5' })).toEqual({ ok: false, reason: 'badTimestamp' });
    const v2 = headers['webhook-signature'].replace('v1,', 'v2,');
    expect(check({ ...headers, 'webhook-signature': v2 })).toEqual({ ok: false, reason: 'noMatchingSignature' });
    const mixed = `v1a,${'A'.repeat(88)} v1,short ${headers['webhook-signature']}`;
    expect(check({ ...headers, 'webhook-signature': mixed })).toEqual({ ok: true });
  });

  it('generates 32-byte whsec_ secrets, and refuses a malformed secret without repeating it', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
    const sign = (secrets: string[]) => (): unknown => signWebhook({ id: 'msg_9', timestamp: now(), body: BODY, secrets });
    for (const bad of ['hunter2-not-a-secret', 'whsec_', 'whsec_not base64!']) expect(sign([bad])).toThrow(/whsec_/);
    expect(sign(['whsec_hunter2!'])).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
    expect(sign([])).toThrow(/at least one secret/);
    expect(() => signWebhook({ id: 'a.b', timestamp: now(), body: BODY, secrets: [secret] })).toThrow(/webhook id/);
  });
});
