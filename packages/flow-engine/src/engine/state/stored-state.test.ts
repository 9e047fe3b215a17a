/**
 * The storage boundary. `stored-states.golden.json` holds the JSON of every state a set of seeded
 * random walks over the sample flows reached, as the engine stored it before its state model got
 * full names (regenerate it only on a deliberate change of the stored form, with
 * BANKFORGE_WRITE_GOLDEN=1): the engine must still store exactly those bytes, and
 * `encodeState`/`decodeState` must be exact inverses, on those states and on random ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus } from '../sample-walks.test.js';
import type { FlowState, JsonValue } from './flow-state.js';
import { decodeState, encodeState } from './state-encoding.js';
import type { StoredFlowState } from './stored-state.js';

const GOLDEN = new URL('./stored-states.golden.json', import.meta.url);

const golden = (): string[] => JSON.parse(readFileSync(GOLDEN, 'utf8')) as string[];

describe('the stored state', () => {
  it('is byte for byte what the engine stored before the state model got full names', () => {
    const stored = corpus().map((s) => JSON.stringify(encodeState(s)));
    if (process.env.BANKFORGE_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(stored, null, 0).replaceAll('","', '",\n"')}\n`);
    const expected = golden();
    expect(stored.length).toBe(expected.length);
    stored.forEach((json, i) => expect(json, `state ${i}`).toBe(expected[i]));
  });

  it('decodes and encodes back to the same bytes', () => {
    for (const json of golden()) expect(JSON.stringify(encodeState(decodeState(JSON.parse(json) as StoredFlowState)))).toBe(json);
  });

  it('decodes what it encoded, for every state the sample flows reach', () => {
    for (const s of corpus()) {
      const back = decodeState(encodeState(s));
      expect(back).toEqual(s);
      // the same field order too, so the engine goes on producing the same bytes
      expect(JSON.stringify(back)).toBe(JSON.stringify(s));
    }
  });

  it('is an exact inverse on random states, whatever order their fields were set in (fast-check)', () => {
    fc.assert(
      fc.property(flowState, (s) => {
        const stored = encodeState(s);
        const back = decodeState(stored);
        expect(back).toEqual(s);
        expect(JSON.stringify(back)).toBe(JSON.stringify(s));
        const json = JSON.stringify(stored);
        expect(JSON.stringify(encodeState(decodeState(JSON.parse(json) as StoredFlowState)))).toBe(json);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('refuses a field it does not know (a model change without its encoding)', () => {
    const s = corpus()[0] as FlowState;
    expect(() => encodeState({ ...s, surprise: 1 } as FlowState)).toThrow('encodeState: the state has no field surprise');
    expect(() => decodeState({ ...encodeState(s), tok: [{ id: 't1', n: 'a', zz: 1 }] } as unknown as StoredFlowState)).toThrow('decodeState: a token has no field zz');
  });
});

// ---------------------------------------------------------------------------------------------
// Random states (fast-check): every field, optional ones present or not, in a random field order
// ---------------------------------------------------------------------------------------------

/** The objects of `arb` with their fields in a random order (the engine's field order depends on the event history). */
function shuffled<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const rank = (seed: number, key: string): number => {
    let h = seed;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x9e3779b1);
    return h >>> 0;
  };
  return fc.tuple(arb, fc.integer()).map(([o, seed]) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort((x, y) => rank(seed, x) - rank(seed, y))) out[k] = (o as Record<string, unknown>)[k];
    return out as T;
  });
}

const id = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const ids = fc.array(id, { maxLength: 4 });
const pair = fc.tuple(id, id);
const iso = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString());
const json: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;

const initiator = shuffled(fc.record({ userId: id, roles: ids, branch: id, managerChain: ids }, { requiredKeys: ['userId'] }));
const token = shuffled(fc.record({ id, nodeId: id, forkStack: ids, arrivalEdge: id, completedRuns: fc.nat(9), instanceCount: fc.nat(9) }, { requiredKeys: ['id', 'nodeId'] }));
const group = shuffled(fc.record({ users: ids, position: fc.constantFrom('before' as const, 'after' as const), addedBy: id, approvedBy: id }, { requiredKeys: ['users', 'position', 'addedBy'] }));
const task = shuffled(
  fc.record(
    { id, nodeId: id, tokenId: id, pending: ids, assignees: ids, approvedBy: ids, rejectedBy: ids, approvalsRequired: fc.nat(5), approverGroups: fc.array(group, { maxLength: 2 }), delegations: fc.array(pair, { maxLength: 2 }), escalations: fc.nat(3) },
    { requiredKeys: ['id', 'nodeId', 'tokenId', 'pending', 'assignees'] },
  ),
);
const timer = shuffled(
  fc.record(
    { id, nodeId: id, dueAt: iso, purpose: fc.constantFrom('wait' as const, 'timeout' as const, 'remind' as const, 'retry' as const, 'boundary' as const), taskId: id, tokenId: id, attempt: fc.nat(5), boundaryIndex: fc.nat(3), run: fc.nat(5) },
    { requiredKeys: ['id', 'nodeId', 'dueAt', 'purpose'] },
  ),
);
const call = shuffled(
  fc.record({ id, nodeId: id, tokenId: id, attempt: fc.nat(5), kind: fc.constantFrom('service' as const, 'decision' as const, 'subflow' as const), run: fc.nat(5) }, { requiredKeys: ['id', 'nodeId', 'tokenId', 'attempt', 'kind'] }),
);
const fork = shuffled(fc.record({ splitNodeId: id, takenEdges: ids }));
const commandRecord = fc.tuple(fc.nat(99), fc.nat(99));

const flowState: fc.Arbitrary<FlowState> = shuffled(
  fc.record(
    {
      definitionKey: id,
      definitionVersion: fc.nat(9),
      id,
      status: fc.constantFrom('running' as const, 'completed' as const, 'terminated' as const, 'cancelled' as const, 'withdrawn' as const, 'failed' as const),
      outcome: id,
      error: fc.string(),
      initiator,
      startedAt: iso,
      variables: fc.dictionary(fc.string(), json, { maxKeys: 4 }),
      tokens: fc.array(token, { maxLength: 3 }),
      forks: fc.dictionary(id, fork, { maxKeys: 2 }),
      tasks: fc.array(task, { maxLength: 2 }),
      timers: fc.array(timer, { maxLength: 3 }),
      calls: fc.array(call, { maxLength: 2 }),
      loopCounts: fc.dictionary(id, fc.nat(9), { maxKeys: 2 }),
      approvalPath: ids,
      distinctApprovals: fc.array(pair, { maxLength: 2 }),
      recentCommands: fc.dictionary(fc.string(), commandRecord, { maxKeys: 4 }),
      lastSeq: fc.nat(999),
      lastActionSeq: fc.nat(999),
      parent: fc.record({ instanceId: id, callId: id }),
      subject: id,
    },
    { requiredKeys: ['definitionKey', 'definitionVersion', 'id', 'status', 'initiator', 'startedAt', 'variables', 'recentCommands', 'lastSeq'] },
  ),
);
