import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com/) symmetric signatures: the receiver gets
 * `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature`, a space-separated list
 * of `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, one per secret the subscription holds.
 * While a secret rotates both old and new sign, so a receiver that knows either accepts.
 * Secrets are `whsec_` + base64 of the key bytes. Pure: the caller passes the clock.
 */

// A type, not an interface, so that it passes as `ReceivedHeaders` (an index signature) too.
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** As Node's `IncomingHttpHeaders` or a plain record holds them, names in any case. */
export type ReceivedHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface WebhookToSign {
  /** The message id, the same on every retry so that a receiver can drop a repeat. */
  id: string;
  timestamp: Date;
  /** Exactly the bytes sent: a JSON text is signed as it goes on the wire. */
  body: string | Uint8Array;
  /** The active secrets: one, or two while rotating (the new one first). */
  secrets: readonly string[];
}

export type WebhookVerification =
  | { ok: true }
  | { ok: false; reason: 'missingHeaders' | 'badTimestamp' | 'timestampTooOld' | 'timestampTooNew' | 'noMatchingSignature' };

export interface VerifyOptions {
  /** How far the timestamp may be from `now`, either way; the spec's default is 5 minutes. */
  toleranceSeconds?: number;
  now: Date;
}

const PREFIX = 'whsec_';
/** 32 bytes: inside the 24 to 64 the spec recommends, and SHA-256's block-friendly size. */
const SECRET_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** A dot in an id would let "{id}.{timestamp}.{body}" be split two ways; our ids never hold one. */
const MESSAGE_ID = /^[A-Za-z0-9_-]{1,255}$/;

export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

export function signWebhook({ id, timestamp, body, secrets }: WebhookToSign): WebhookHeaders {
  if (!MESSAGE_ID.test(id)) throw new Error('webhook id must be 1 to 255 letters, digits, "_" or "-"');
  if (secrets.length === 0) throw new Error('a webhook needs at least one secret to be signed');
  const seconds = unixSeconds(timestamp);
  const signatures = secrets.map((secret) => `v1,${signatureOf(keyOf(secret), id, seconds, body)}`);
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': signatures.join(' ') };
}

/**
 * Checks a received webhook against the secrets the receiver knows. Header names are matched in
 * any case; a header given twice counts as missing (which one was signed?). Signatures of other
 * versions (`v1a`, asymmetric) are skipped, as the spec asks.
 */
export function verifyWebhook(
  headers: ReceivedHeaders,
  body: string | Uint8Array,
  secrets: readonly string[],
  { toleranceSeconds = 300, now }: VerifyOptions,
): WebhookVerification {
  const id = headerOf(headers, 'webhook-id');
  const timestamp = headerOf(headers, 'webhook-timestamp');
  const signatures = headerOf(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signatures === undefined) return { ok: false, reason: 'missingHeaders' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'badTimestamp' };
  const age = Number(unixSeconds(now)) - Number(timestamp);
  if (age > toleranceSeconds) return { ok: false, reason: 'timestampTooOld' };
  if (-age > toleranceSeconds) return { ok: false, reason: 'timestampTooNew' };
  const offered = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3)));
  for (const secret of secrets) {
    const expected = Buffer.from(signatureOf(keyOf(secret), id, timestamp, body));
    // Equal lengths first: timingSafeEqual throws otherwise, and a signature's length is no secret.
    if (offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))) return { ok: true };
  }
  return { ok: false, reason: 'noMatchingSignature' };
}

function signatureOf(key: Buffer, id: string, seconds: string, body: string | Uint8Array): string {
  return createHmac('sha256', key).update(`${id}.${seconds}.`).update(body).digest('base64');
}

/** The key bytes of a `whsec_` secret; the error never repeats the secret. */
function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : '';
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  // Canonical base64 only (padding optional), so one secret has one spelling.
  if (key.length === 0 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) throw new Error('a webhook secret is "whsec_" followed by base64 key bytes');
  return key;
}

function unixSeconds(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms < 0) throw new Error('webhook timestamp must be a valid date after 1970');
  return String(Math.floor(ms / 1000));
}

function headerOf(headers: ReceivedHeaders, name: string): string | undefined {
  const values = Object.entries(headers).filter(([key]) => key.toLowerCase() === name);
  if (values.length !== 1) return undefined;
  const value = values[0]?.[1];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
