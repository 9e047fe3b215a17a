/**
 * The stored form of the events. `stored-events.golden.json` holds, per sample walk, the number of
 * events and the SHA-256 of their JSON as the engine wrote them before the events got full names
 * (regenerate it only on a deliberate change of the stored form, with BANKFORGE_WRITE_GOLDEN=1):
 * the stored history must stay exactly those bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { walks } from '../sample-walks.test.js';
import type { FlowEvent } from './flow-event.js';
import { decodeEvent, encodeEvent } from './event-encoding.js';
import type { StoredFlowEvent } from './stored-event.js';

const GOLDEN = new URL('./stored-events.golden.json', import.meta.url);

const digest = (events: readonly unknown[]): string => createHash('sha256').update(JSON.stringify(events)).digest('hex');

describe('the stored events', () => {
  it('are byte for byte what the engine stored before the events got full names', () => {
    const got = walks().map((w) => ({ events: w.events.length, sha256: digest(w.events.map(encodeEvent)) }));
    if (process.env.BANKFORGE_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(got, null, 1)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('decode and encode back to the same bytes, and decode to the events the engine emitted', () => {
    for (const w of walks()) {
      for (const e of w.events) {
        const json = JSON.stringify(encodeEvent(e));
        const back = decodeEvent(JSON.parse(json) as StoredFlowEvent);
        expect(back).toEqual(e);
        expect(JSON.stringify(encodeEvent(back))).toBe(json);
      }
    }
  });

  it('refuses a field it does not know', () => {
    const e = walks()[0]?.events[1] as FlowEvent;
    expect(() => encodeEvent({ ...e, data: { ...e.data, surprise: 1 } } as unknown as FlowEvent)).toThrow(`encodeEvent: ${e.type} has no field surprise`);
  });
});
