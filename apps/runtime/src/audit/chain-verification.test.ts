import { fakeApi } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { verifyChain } from './chain-verification.js';

describe('verifyChain', () => {
  it('goes stretch by stretch to the head, reporting progress', async () => {
    const server = fakeApi({
      'GET /api/audit/verify?fromSeq=1&limit=2': { body: { ok: true, entries: 2, total: 5, headHash: 'h2', nextSeq: 3 } },
      'GET /api/audit/verify?fromSeq=3&limit=2': { body: { ok: true, entries: 4, total: 5, headHash: 'h4', nextSeq: 5 } },
      'GET /api/audit/verify?fromSeq=5&limit=2': { body: { ok: true, entries: 5, total: 5, headHash: 'h5' } },
    });
    const progress: [number, number][] = [];
    const verdict = await verifyChain(server.client, { stretch: 2, onProgress: (done, total) => progress.push([done, total]) });
    expect(verdict).toMatchObject({ ok: true, entries: 5, headHash: 'h5' });
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('stops at the first break, and when asked to', async () => {
    const server = fakeApi({
      'GET /api/audit/verify?fromSeq=1&limit=2': { body: { ok: true, entries: 2, total: 5, headHash: 'h2', nextSeq: 3 } },
      'GET /api/audit/verify?fromSeq=3&limit=2': { body: { ok: false, entries: 2, total: 5, headHash: 'h2', firstBroken: { seq: 3, reason: 'hashMismatch' } } },
    });
    expect(await verifyChain(server.client, { stretch: 2, onProgress: () => undefined })).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
    const controller = new AbortController();
    const stopped = await verifyChain(server.client, { stretch: 2, signal: controller.signal, onProgress: () => controller.abort() });
    expect(stopped).toBeUndefined();
  });
});
