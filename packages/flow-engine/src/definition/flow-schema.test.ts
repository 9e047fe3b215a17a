import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { flowArtifactSchema } from './flow-schema.js';
import { everyNodeType, loanApproval } from './sample-flows.js';

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(flowArtifactSchema);

function errorsOf(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.keyword}`);
}

describe('flowArtifactSchema', () => {
  it('is a draft-07 schema that compiles in strict mode', () => {
    expect(flowArtifactSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(typeof validate).toBe('function');
  });

  it('accepts the sample flows', () => {
    expect(errorsOf(loanApproval())).toEqual([]);
    expect(errorsOf(everyNodeType())).toEqual([]);
  });

  it('is JSON (survives a round trip)', () => {
    expect(JSON.parse(JSON.stringify(flowArtifactSchema))).toEqual(flowArtifactSchema);
  });

  it('requires the envelope', () => {
    expect(errorsOf({})).toEqual(expect.arrayContaining([' required']));
    const doc = { ...loanApproval(), kind: 'form' };
    expect(errorsOf(doc)).toContain('/kind const');
    expect(errorsOf({ ...loanApproval(), schemaVersion: 2 })).toContain('/schemaVersion const');
    expect(errorsOf({ ...loanApproval(), extra: 1 })).toContain(' additionalProperties');
    expect(errorsOf({ ...loanApproval(), key: 'Loan Approval' })).toContain('/key pattern');
  });

  it('checks each node type with its own properties', () => {
    const d = loanApproval();
    const approval = d.nodes[5] as unknown as Record<string, unknown>;
    approval.duration = 'PT1H'; // a timer property on an approval
    const start = d.nodes[0] as unknown as Record<string, unknown>;
    start.assignees = []; // an approval property on a start
    const decision = d.nodes[1] as unknown as Record<string, unknown>;
    delete decision.inputs;
    expect(errorsOf(d)).toEqual(expect.arrayContaining(['/nodes/5 additionalProperties', '/nodes/0 additionalProperties', '/nodes/1 required']));
  });

  it('rejects unknown node types, assignee kinds, modes and actions', () => {
    const d = loanApproval();
    (d.nodes[2] as unknown as Record<string, unknown>).type = 'gateway';
    Object.assign(d.nodes[5] as unknown as Record<string, unknown>, { assignees: [{ kind: 'team', team: 'x' }], mode: 'majority', actions: ['approve', 'sign'] });
    expect(errorsOf(d)).toEqual(expect.arrayContaining(['/nodes/2/type enum', '/nodes/5/assignees/0/kind enum', '/nodes/5/mode enum', '/nodes/5/actions/1 enum']));
  });

  it('checks assignee rules by kind', () => {
    const d = loanApproval();
    Object.assign(d.nodes[5] as unknown as Record<string, unknown>, {
      assignees: [{ kind: 'user', role: 'x' }, { kind: 'manager', levels: 0 }, { kind: 'expression', feel: '' }],
    });
    expect(errorsOf(d)).toEqual(expect.arrayContaining(['/nodes/5/assignees/0 required', '/nodes/5/assignees/1/levels minimum', '/nodes/5/assignees/2/feel minLength']));
  });

  it('checks timeouts, edges and variables', () => {
    const d = loanApproval();
    Object.assign(d.nodes[7] as unknown as Record<string, unknown>, { timeout: { duration: 'PT1H', action: 'explode', escalateTo: { manager: false } } });
    (d.edges[0] as unknown as Record<string, unknown>).weight = 1;
    (d.variables[0] as unknown as Record<string, unknown>).type = 'decimal';
    (d.nodes[0] as unknown as Record<string, unknown>).name = { en: 'Start' };
    expect(errorsOf(d)).toEqual(
      expect.arrayContaining(['/nodes/7/timeout/action enum', '/nodes/7/timeout/escalateTo oneOf', '/edges/0 additionalProperties', '/variables/0/type enum', '/nodes/0/name required']),
    );
  });
});
