import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowEdge } from './flow-definition.js';
import { approval, edge, everyNodeType, loanApproval, node } from './sample-flows.js';
import { validateFlowDefinition, type FlowProblem } from './validate-flow.js';

type Doc = FlowDefinition & Record<string, unknown>;

function problemsOf(change: (d: Doc) => void, base: () => FlowDefinition = loanApproval): FlowProblem[] {
  const doc = structuredClone(base()) as Doc;
  change(doc);
  return validateFlowDefinition(doc);
}

function nodeAt(d: FlowDefinition, id: string): Record<string, unknown> {
  const n = d.nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(id);
  return n as unknown as Record<string, unknown>;
}

function edgeAt(d: FlowDefinition, id: string): FlowEdge {
  const e = d.edges.find((x) => x.id === id);
  if (e === undefined) throw new Error(id);
  return e;
}

function codes(problems: FlowProblem[]): string[] {
  return problems.map((p) => p.code);
}

describe('validateFlowDefinition: valid flows', () => {
  it('accepts the loan approval flow', () => {
    expect(validateFlowDefinition(loanApproval())).toEqual([]);
  });

  it('accepts a flow with every node type and a loop', () => {
    expect(validateFlowDefinition(everyNodeType())).toEqual([]);
  });

  it('accepts nested parallel splits and joins', () => {
    const d = loanApproval();
    d.nodes = [node('s', 'start'), node('p1', 'parallel'), node('p2', 'parallel'), approval('a'), approval('b'), approval('c'), node('j2', 'join'), node('j1', 'join'), node('e', 'end')];
    d.edges = [
      edge('1', 's', 'p1'), edge('2', 'p1', 'p2'), edge('3', 'p1', 'c'), edge('4', 'p2', 'a'), edge('5', 'p2', 'b'),
      edge('6', 'a', 'j2'), edge('7', 'b', 'j2'), edge('8', 'j2', 'j1'), edge('9', 'c', 'j1'), edge('10', 'j1', 'e'),
    ];
    expect(validateFlowDefinition(d)).toEqual([]);
  });

  it('accepts an exclusive branch inside one parallel path that merges before the join', () => {
    const d = loanApproval();
    d.nodes = [node('s', 'start'), node('p', 'parallel'), node('x', 'branch'), approval('a1'), approval('a2'), approval('m'), approval('b'), node('j', 'join'), node('e', 'end')];
    d.edges = [
      edge('1', 's', 'p'), edge('2', 'p', 'x'), edge('3', 'p', 'b'), edge('4', 'x', 'a1', { condition: 'amount > 1' }), edge('5', 'x', 'a2', { default: true }),
      edge('6', 'a1', 'm'), edge('7', 'a2', 'm'), edge('8', 'm', 'j'), edge('9', 'b', 'j'), edge('10', 'j', 'e'),
    ];
    expect(validateFlowDefinition(d)).toEqual([]);
  });

  it('accepts an approval with a reject edge next to its normal edge', () => {
    const d = loanApproval();
    d.nodes.push(node('declined', 'end', { outcome: 'rejected' }));
    d.edges.push(edge('committeeNo', 'committee', 'declined'));
    Object.assign(d.nodes.find((x) => x.id === 'committee') ?? {}, { rejectEdge: 'committeeNo' });
    expect(validateFlowDefinition(d)).toEqual([]);
  });

  it('accepts a loop whose cycle passes an approval', () => {
    const d = loanApproval();
    d.edges.push(edge('x', 'cc', 'scoring', { loop: { maxIterations: 2 }, condition: 'score < 0' }));
    // cc is a notify node: loops may leave any node, with a condition.
    expect(validateFlowDefinition(d)).toEqual([]);
  });
});

describe('validateFlowDefinition: schema', () => {
  it('rejects a non-object', () => {
    expect(codes(validateFlowDefinition('flow'))).toEqual(['notAnObject']);
    expect(codes(validateFlowDefinition(null))).toEqual(['notAnObject']);
  });

  it('reports schema errors with their path and node id, and never throws on junk', () => {
    const problems = problemsOf((d) => {
      nodeAt(d, 'officerSmall').colour = 'red';
      nodeAt(d, 'committee').mode = 'majority';
      d.kind = 'form' as 'flow';
    });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknownProperty', nodeId: 'officerSmall', path: '/nodes/5/colour' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'invalidValue', nodeId: 'committee', path: '/nodes/8/mode' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'invalidValue', path: '/kind' }));
    expect(() => validateFlowDefinition({ nodes: [1, null, { id: 3 }], edges: 'x' })).not.toThrow();
    expect(() => validateFlowDefinition({ nodes: [{ id: 'a', type: 'approval', assignees: 'x', actions: 7 }], edges: [{ id: 'e', source: 'a', target: 'a', loop: 1 }] })).not.toThrow();
  });

  it('reports a missing required field', () => {
    const problems = problemsOf((d) => {
      delete nodeAt(d, 'scoring').decisionKey;
    });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'required', nodeId: 'scoring', path: '/nodes/1/decisionKey' }));
  });

  it('rejects a default of the wrong type and duplicate variables', () => {
    const problems = problemsOf((d) => {
      d.variables.push({ name: 'score', type: 'number' });
      d.variables.push({ name: 'when', type: 'date', default: 'tomorrow' });
    });
    expect(codes(problems).sort()).toEqual(['duplicateVariable', 'invalidDefault']);
  });
});

describe('validateFlowDefinition: publish rules', () => {
  const cases: {
    rule: string;
    change: (d: Doc) => void;
    expected: Partial<FlowProblem>;
    base?: () => FlowDefinition;
  }[] = [
    {
      rule: 'no start node',
      change: (d) => {
        nodeAt(d, 'start').type = 'notify';
        Object.assign(nodeAt(d, 'start'), { to: [{ kind: 'user', userId: 'u' }], kind: 'cc', template: 't' });
      },
      expected: { code: 'noStart' },
    },
    {
      rule: 'two start nodes',
      change: (d) => {
        d.nodes.push(node('start2', 'start'));
        d.edges.push(edge('x', 'start2', 'scoring'));
      },
      expected: { code: 'multipleStarts', nodeId: 'start2' },
    },
    {
      rule: 'no end node',
      change: (d) => {
        d.nodes = d.nodes.filter((n) => n.id !== 'approved' && n.id !== 'autoReject');
        d.edges = d.edges.filter((e) => e.target !== 'approved' && e.target !== 'autoReject');
      },
      expected: { code: 'noEnd' },
    },
    {
      rule: 'unknown edge source',
      change: (d) => d.edges.push(edge('x', 'ghost', 'approved')),
      expected: { code: 'unknownEdgeEndpoint', edgeId: 'x', path: '/edges/12/source' },
    },
    {
      rule: 'unknown edge target',
      change: (d) => {
        edgeAt(d, 'e12').target = 'ghost';
      },
      expected: { code: 'unknownEdgeEndpoint', edgeId: 'e12', nodeId: 'cc', path: '/edges/11/target' },
    },
    {
      rule: 'duplicate node id',
      change: (d) => d.nodes.push(node('cc', 'end')),
      expected: { code: 'duplicateId', nodeId: 'cc', path: '/nodes/11/id' },
    },
    {
      rule: 'duplicate edge id',
      change: (d) => d.edges.push(edge('e1', 'cc', 'approved')),
      expected: { code: 'duplicateId', edgeId: 'e1', path: '/edges/12/id' },
    },
    {
      rule: 'unreachable node',
      change: (d) => {
        d.nodes.push(approval('orphan'));
        d.edges.push(edge('x', 'orphan', 'approved'));
      },
      expected: { code: 'unreachable', nodeId: 'orphan' },
    },
    {
      rule: 'node without a way to an end',
      change: (d) => {
        d.edges = d.edges.filter((e) => e.id !== 'e12');
      },
      expected: { code: 'deadEnd', nodeId: 'cc' },
    },
    {
      rule: 'start with incoming edges',
      change: (d) => {
        d.nodes.push(approval('back'));
        edgeAt(d, 'e3').target = 'back';
        d.edges.push(edge('x', 'back', 'start', { loop: { maxIterations: 2 }, condition: 'true' }));
      },
      expected: { code: 'startHasIncoming', nodeId: 'start' },
    },
    {
      rule: 'end with outgoing edges',
      change: (d) => {
        d.edges.push(edge('x', 'autoReject', 'approved'));
      },
      expected: { code: 'endHasOutgoing', nodeId: 'autoReject' },
    },
    {
      rule: 'two outgoing edges from an approval',
      change: (d) => d.edges.push(edge('x', 'officerSmall', 'approved')),
      expected: { code: 'multipleOutgoing', nodeId: 'officerSmall' },
    },
    {
      rule: 'branch without a default edge',
      change: (d) => {
        edgeAt(d, 'e7').default = false;
        edgeAt(d, 'e7').condition = 'amount > 5000000';
      },
      expected: { code: 'branchWithoutDefault', nodeId: 'amountCheck' },
    },
    {
      rule: 'branch with two default edges',
      change: (d) => {
        delete edgeAt(d, 'e6').condition;
        edgeAt(d, 'e6').default = true;
      },
      expected: { code: 'branchWithoutDefault', nodeId: 'amountCheck' },
    },
    {
      rule: 'inclusive branch without default or unconditional edge',
      base: everyNodeType,
      change: (d) => {
        delete edgeAt(d, 'e10').default;
        edgeAt(d, 'e10').condition = 'x < 0';
      },
      expected: { code: 'branchWithoutDefault', nodeId: 'i' },
    },
    {
      rule: 'branch edge without condition that is not the default',
      change: (d) => {
        delete edgeAt(d, 'e5').condition;
      },
      expected: { code: 'missingCondition', edgeId: 'e5', nodeId: 'amountCheck' },
    },
    {
      rule: 'default edge with a condition',
      change: (d) => {
        edgeAt(d, 'e7').condition = 'true';
      },
      expected: { code: 'defaultWithCondition', edgeId: 'e7' },
    },
    {
      rule: 'condition on an edge leaving a non-branch node',
      change: (d) => {
        edgeAt(d, 'e9').condition = 'amount > 0';
      },
      expected: { code: 'conditionOnNonBranch', edgeId: 'e9', nodeId: 'officerSmall', path: '/edges/8/condition' },
    },
    {
      rule: 'default flag on an edge leaving a non-branch node',
      change: (d) => {
        edgeAt(d, 'e9').default = true;
      },
      expected: { code: 'unexpectedDefault', edgeId: 'e9' },
    },
    {
      rule: 'inclusive branch without its join',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 'ij').type = 'approval';
        delete nodeAt(d, 'ij').splitId;
        Object.assign(nodeAt(d, 'ij'), { assignees: [{ kind: 'user', userId: 'u' }], mode: 'single', actions: ['approve'] });
      },
      expected: { code: 'inclusiveWithoutJoin', nodeId: 'i' },
    },
    {
      rule: 'inclusive join without an inclusive branch',
      change: (d) => {
        d.nodes.push(node('ij', 'inclusiveJoin'));
        edgeAt(d, 'e12').target = 'ij';
        d.edges.push(edge('x', 'ij', 'approved'));
      },
      expected: { code: 'inclusiveJoinWithoutSplit', nodeId: 'ij' },
    },
    {
      rule: 'inclusive join naming a wrong split',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 'ij').splitId = 'p';
      },
      expected: { code: 'inclusiveJoinWithoutSplit', nodeId: 'ij', path: '/nodes/10/splitId' },
    },
    {
      rule: 'parallel join fed by an exclusive branch',
      change: (d) => {
        nodeAt(d, 'cc').type = 'join';
        for (const k of ['to', 'kind', 'template']) delete nodeAt(d, 'cc')[k];
      },
      expected: { code: 'joinCanDeadlock', nodeId: 'cc' },
    },
    {
      rule: 'parallel join fed by an inclusive branch',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 'ij').type = 'join';
        delete nodeAt(d, 'ij').splitId;
      },
      expected: { code: 'joinCanDeadlock', nodeId: 'ij' },
    },
    {
      rule: 'approval without assignees',
      change: (d) => {
        nodeAt(d, 'officerSmall').assignees = [];
      },
      expected: { code: 'noAssignees', nodeId: 'officerSmall', path: '/nodes/5/assignees' },
    },
    {
      rule: 'approval without the approve action',
      change: (d) => {
        nodeAt(d, 'officerSmall').actions = ['reject', 'comment'];
      },
      expected: { code: 'noApproveAction', nodeId: 'officerSmall' },
    },
    {
      rule: 'percentage mode without a percentage',
      change: (d) => {
        delete nodeAt(d, 'committee').percentage;
      },
      expected: { code: 'percentageOutOfRange', nodeId: 'committee' },
    },
    {
      rule: 'percentage above 100',
      change: (d) => {
        nodeAt(d, 'committee').percentage = 150;
      },
      expected: { code: 'percentageOutOfRange', nodeId: 'committee' },
    },
    {
      rule: 'percentage on a sequential approval',
      change: (d) => {
        Object.assign(nodeAt(d, 'officerSmall'), { mode: 'sequential', percentage: 50 });
      },
      expected: { code: 'percentageNotApplicable', nodeId: 'officerSmall' },
    },
    {
      rule: 'returnTo without the return action',
      change: (d) => {
        Object.assign(nodeAt(d, 'officerSmall'), { actions: ['approve'], returnTo: 'previous' });
      },
      expected: { code: 'returnToNotApplicable', nodeId: 'officerSmall' },
    },
    {
      rule: 'escalation without a target',
      change: (d) => {
        nodeAt(d, 'branchManager').timeout = { duration: 'PT48H', action: 'escalate' };
      },
      expected: { code: 'escalateWithoutTarget', nodeId: 'branchManager' },
    },
    {
      rule: 'escalation target on a non-escalating timeout',
      change: (d) => {
        nodeAt(d, 'branchManager').timeout = { duration: 'PT48H', action: 'remind', escalateTo: { role: 'x' } };
      },
      expected: { code: 'escalateToNotApplicable', nodeId: 'branchManager' },
    },
    {
      rule: 'timeout duration that does not parse',
      change: (d) => {
        nodeAt(d, 'branchManager').timeout = { duration: '48 hours', action: 'remind' };
      },
      expected: { code: 'invalidDuration', nodeId: 'branchManager', path: '/nodes/7/timeout/duration' },
    },
    {
      rule: 'zero timeout duration',
      change: (d) => {
        nodeAt(d, 'branchManager').timeout = { duration: 'PT0S', action: 'autoReject' };
      },
      expected: { code: 'invalidDuration', nodeId: 'branchManager' },
    },
    {
      rule: 'timer duration that does not parse',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 't').duration = 'P3BD';
      },
      expected: { code: 'invalidDuration', nodeId: 't', path: '/nodes/4/duration' },
    },
    {
      rule: 'retry delay that does not parse',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 'svc').retry = { maxAttempts: 2, backoff: { delay: 'soon' } };
      },
      expected: { code: 'invalidDuration', nodeId: 'svc', path: '/nodes/8/retry/backoff/delay' },
    },
    {
      rule: 'timer with both duration and until',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 't').until = 'now()';
      },
      expected: { code: 'invalidTimer', nodeId: 't' },
    },
    {
      rule: 'timer with neither duration nor until',
      base: everyNodeType,
      change: (d) => {
        delete nodeAt(d, 't').duration;
      },
      expected: { code: 'invalidTimer', nodeId: 't' },
    },
    {
      rule: 'failure edge that is not an outgoing edge',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 'svc').failureEdge = 'e1';
      },
      expected: { code: 'invalidFailureEdge', nodeId: 'svc' },
    },
    {
      rule: 'reject edge that is not an outgoing edge of the approval',
      change: (d) => {
        nodeAt(d, 'committee').rejectEdge = 'e9';
      },
      expected: { code: 'invalidRejectEdge', nodeId: 'committee', path: '/nodes/8/rejectEdge' },
    },
    {
      rule: 'reject edge that does not exist',
      change: (d) => {
        nodeAt(d, 'committee').rejectEdge = 'nowhere';
      },
      expected: { code: 'invalidRejectEdge', nodeId: 'committee' },
    },
    {
      rule: 'subflow calling its own flow',
      base: everyNodeType,
      change: (d) => {
        nodeAt(d, 'sf').flowKey = 'account-opening';
      },
      expected: { code: 'subflowSelfReference', nodeId: 'sf', path: '/nodes/14/flowKey' },
    },
    {
      rule: 'output to an undeclared variable',
      change: (d) => {
        nodeAt(d, 'scoring').outputs = { rating: 'score' };
      },
      expected: { code: 'unknownVariable', nodeId: 'scoring', path: '/nodes/1/outputs/rating' },
    },
    {
      rule: 'authority limit on an undeclared variable',
      change: (d) => {
        nodeAt(d, 'branchManager').authorityLimits = [{ role: 'r', upTo: 1, amountVariable: 'sum' }];
      },
      expected: { code: 'unknownVariable', nodeId: 'branchManager', path: '/nodes/7/authorityLimits/0/amountVariable' },
    },
    {
      rule: 'editable field that is not a variable',
      change: (d) => {
        nodeAt(d, 'officerLarge').editableFields = ['colour'];
      },
      expected: { code: 'unknownVariable', nodeId: 'officerLarge', path: '/nodes/6/editableFields/0' },
    },
    {
      rule: 'cycle without a loop edge',
      base: everyNodeType,
      change: (d) => {
        delete edgeAt(d, 'loop').loop;
      },
      expected: { code: 'cycleWithoutLoopEdge', nodeId: 'c' },
    },
    {
      rule: 'loop edge without maxIterations',
      base: everyNodeType,
      change: (d) => {
        (edgeAt(d, 'loop') as unknown as Record<string, unknown>).loop = {};
      },
      expected: { code: 'loopWithoutMax', edgeId: 'loop', nodeId: 'r', path: '/edges/16/loop' },
    },
    {
      rule: 'loop edge with maxIterations 0',
      base: everyNodeType,
      change: (d) => {
        edgeAt(d, 'loop').loop = { maxIterations: 0 };
      },
      expected: { code: 'loopWithoutMax', edgeId: 'loop' },
    },
    {
      rule: 'loop edge without condition',
      change: (d) => {
        d.edges.push(edge('x', 'cc', 'scoring', { loop: { maxIterations: 2 } }));
      },
      expected: { code: 'loopWithoutCondition', edgeId: 'x' },
    },
    {
      rule: 'cycle without a wait state',
      change: (d) => {
        d.edges.push(edge('x', 'scoreCheck', 'scoring', { loop: { maxIterations: 2 }, condition: 'score = null' }));
      },
      expected: { code: 'cycleWithoutWait', nodeId: 'scoring' },
    },
  ];

  for (const { rule, change, expected, base } of cases) {
    it(`reports ${expected.code ?? ''}: ${rule}`, () => {
      const problems = problemsOf(change, base);
      expect(problems).toContainEqual(expect.objectContaining(expected));
      for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
    });
  }

  describe('FEEL syntax', () => {
    const feelCases: { field: string; change: (d: Doc) => void; expected: Partial<FlowProblem>; base?: () => FlowDefinition }[] = [
      { field: 'edge condition', change: (d) => { edgeAt(d, 'e5').condition = 'amount <= '; }, expected: { edgeId: 'e5', nodeId: 'amountCheck', path: '/edges/4/condition' } },
      {
        field: 'assignee expression',
        base: everyNodeType,
        change: (d) => { nodeAt(d, 'a').assignees = [{ kind: 'expression', feel: 'kyc.(' }]; },
        expected: { nodeId: 'a', path: '/nodes/2/assignees/0/feel' },
      },
      {
        field: 'notify expression',
        change: (d) => { nodeAt(d, 'cc').to = [{ kind: 'expression', feel: '[1,' }]; },
        expected: { nodeId: 'cc', path: '/nodes/9/to/0/feel' },
      },
      { field: 'decision input', change: (d) => { nodeAt(d, 'scoring').inputs = { 'Income/yr': 'applicant.income +' }; }, expected: { nodeId: 'scoring', path: '/nodes/1/inputs/Income~1yr' } },
      { field: 'timer until', base: everyNodeType, change: (d) => { nodeAt(d, 'wait').until = 'date(' ; }, expected: { nodeId: 'wait', path: '/nodes/13/until' } },
      {
        field: 'service request body template',
        base: everyNodeType,
        change: (d) => { nodeAt(d, 'svc').config = { url: 'https://core.example/accounts', body: '{account: ' }; },
        expected: { nodeId: 'svc', path: expect.stringMatching(/^\/nodes\/\d+\/config\/body$/) as unknown as string },
      },
      { field: 'subflow input', base: everyNodeType, change: (d) => { nodeAt(d, 'sf').inputs = { account: 'if x then' }; }, expected: { nodeId: 'sf', path: '/nodes/14/inputs/account' } },
    ];
    for (const { field, change, expected, base } of feelCases) {
      it(`reports feelSyntax in a ${field} with line and column`, () => {
        const problems = problemsOf(change, base).filter((p) => p.code === 'feelSyntax');
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject(expected);
        expect(problems[0]?.message).toMatch(/line \d+, column \d+/);
      });
    }

    it('reads variable names with spaces', () => {
      expect(validateFlowDefinition(everyNodeType())).toEqual([]);
    });

    it('reports the line of a multi-line expression', () => {
      const problems = problemsOf((d) => { edgeAt(d, 'e5').condition = 'amount <= 500000\nand )'; });
      expect(problems.find((p) => p.code === 'feelSyntax')?.message).toMatch(/line 2/);
    });
  });

  it('reports every problem at once, each with its node id', () => {
    const problems = problemsOf((d) => {
      nodeAt(d, 'officerSmall').assignees = [];
      edgeAt(d, 'e7').default = false;
      edgeAt(d, 'e7').condition = 'amount >';
      d.nodes.push(approval('orphan'));
      d.edges.push(edge('x', 'orphan', 'approved'));
    });
    expect(problems.map((p) => [p.code, p.nodeId]).sort()).toEqual([
      ['branchWithoutDefault', 'amountCheck'],
      ['feelSyntax', 'amountCheck'],
      ['noAssignees', 'officerSmall'],
      ['unreachable', 'orphan'],
    ]);
  });

  it('leaves the JSON Schema to the server when asked (a browser under a CSP cannot compile it), and checks the rest', () => {
    const flow = loanApproval() as unknown as Record<string, unknown>;
    const broken = { ...flow, stray: true, edges: [...(flow.edges as unknown[]), { id: 'dangling', source: 'start', target: 'nowhere' }] };
    expect(validateFlowDefinition(broken).map((p) => p.code)).toEqual(expect.arrayContaining(['unknownProperty', 'unknownEdgeEndpoint']));
    const withoutSchema = validateFlowDefinition(broken, { schema: false }).map((p) => p.code);
    expect(withoutSchema).toContain('unknownEdgeEndpoint');
    expect(withoutSchema).not.toContain('unknownProperty');
  });
});
