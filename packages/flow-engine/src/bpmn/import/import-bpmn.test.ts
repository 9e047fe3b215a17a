import { describe, expect, it } from 'vitest';
import type { FlowVariable } from '../../definition/flow-definition.js';
import { importBpmn } from './import-bpmn.js';

const variables: FlowVariable[] = [{ name: 'amount', type: 'number' }];

/** A loan check as Camunda Modeler saves it: `bpmn:` prefix, camunda attributes, diagram. */
const CAMUNDA_MODELER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.20.0">
  <bpmn:process id="LoanCheck" name="Loan check" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="Start" name="Application received" camunda:initiator="applicant">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:exclusiveGateway id="Amount" name="Amount?" default="Flow_small">
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_large</bpmn:outgoing>
      <bpmn:outgoing>Flow_small</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:userTask id="Officer" name="Credit officer" camunda:assignee="o1" camunda:candidateGroups="officers">
      <bpmn:incoming>Flow_small</bpmn:incoming>
      <bpmn:outgoing>Flow_3</bpmn:outgoing>
      <bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>o1</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
    </bpmn:userTask>
    <bpmn:userTask id="Committee" name="Credit committee">
      <bpmn:incoming>Flow_large</bpmn:incoming>
      <bpmn:outgoing>Flow_4</bpmn:outgoing>
      <bpmn:multiInstanceLoopCharacteristics camunda:collection="members">
        <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">\${nrOfCompletedInstances/nrOfInstances >= 0.6667}</bpmn:completionCondition>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:userTask>
    <bpmn:serviceTask id="Book" name="Book the loan" camunda:class="com.bank.BookLoan">
      <bpmn:extensionElements><camunda:properties><camunda:property name="core" value="t24" /></camunda:properties></bpmn:extensionElements>
      <bpmn:incoming>Flow_3</bpmn:incoming>
      <bpmn:incoming>Flow_4</bpmn:incoming>
      <bpmn:outgoing>Flow_5</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="End" name="Booked">
      <bpmn:incoming>Flow_5</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Amount" />
    <bpmn:sequenceFlow id="Flow_large" name="above 500k" sourceRef="Amount" targetRef="Committee">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${amount &gt; 500000}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_small" sourceRef="Amount" targetRef="Officer" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Officer" targetRef="Book" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Committee" targetRef="Book" />
    <bpmn:sequenceFlow id="Flow_5" sourceRef="Book" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="LoanCheck">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Amount_di" bpmnElement="Amount" isMarkerVisible="true"><dc:Bounds x="245" y="95" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Officer_di" bpmnElement="Officer"><dc:Bounds x="350" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Committee_di" bpmnElement="Committee"><dc:Bounds x="350" y="190" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Book_di" bpmnElement="Book"><dc:Bounds x="510" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="672" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="245" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** The same kind of model in the default namespace, without a diagram. */
const DEFAULT_NAMESPACE = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <process id="Review">
    <startEvent id="s" />
    <parallelGateway id="fork" />
    <scriptTask id="kyc" scriptFormat="javascript"><script>checkKyc()</script></scriptTask>
    <intermediateCatchEvent id="cooling"><timerEventDefinition><timeDuration>PT24H</timeDuration></timerEventDefinition></intermediateCatchEvent>
    <parallelGateway id="merge" />
    <endEvent id="e"><terminateEventDefinition /></endEvent>
    <sequenceFlow id="f1" sourceRef="s" targetRef="fork" />
    <sequenceFlow id="f2" sourceRef="fork" targetRef="kyc"><conditionExpression>amount &gt; 1</conditionExpression></sequenceFlow>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="cooling" />
    <sequenceFlow id="f4" sourceRef="kyc" targetRef="merge" />
    <sequenceFlow id="f5" sourceRef="cooling" targetRef="merge" />
    <sequenceFlow id="f6" sourceRef="merge" targetRef="e" />
  </process>
</definitions>`;

describe('importBpmn: Camunda Modeler style', () => {
  const r = importBpmn(CAMUNDA_MODELER, { variables });
  const def = r.definitions[0];

  it('maps events, gateways, tasks and flows onto one flow per process', () => {
    expect(r.unsupported).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.processKeys).toEqual({ LoanCheck: 'loancheck' });
    expect(def?.title).toBe('Loan check');
    expect(def?.nodes.map((x) => [x.id, x.type])).toEqual([
      ['Start', 'start'],
      ['Amount', 'branch'],
      ['Officer', 'approval'],
      ['Committee', 'approval'],
      ['Book', 'service'],
      ['End', 'end'],
    ]);
    expect(def?.edges.find((x) => x.id === 'Flow_large')).toMatchObject({ condition: 'amount > 500000', name: { en: 'above 500k' } });
    expect(def?.edges.find((x) => x.id === 'Flow_small')?.default).toBe(true);
  });

  it('turns performers and multi-instance into approval assignees and modes', () => {
    expect(def?.nodes.find((x) => x.id === 'Officer')).toMatchObject({ assignees: [{ kind: 'user', userId: 'o1' }], mode: 'single' });
    expect(def?.nodes.find((x) => x.id === 'Committee')).toMatchObject({ mode: 'percentage', percentage: 66.67 });
  });

  it('takes node positions from the diagram', () => {
    expect(def?.nodes.find((x) => x.id === 'Amount')?.position).toEqual({ x: 245, y: 95 });
    expect(def?.nodes.find((x) => x.id === 'End')?.position).toEqual({ x: 672, y: 102 });
  });

  it('ignores camunda: attributes and extensions with a warning per element', () => {
    const text = r.warnings.map((w) => w.message).join('\n');
    expect(text).toContain('camunda:historyTimeToLive');
    expect(text).toContain('Officer: ignored vendor extensions camunda:assignee, camunda:candidateGroups');
    expect(text).toContain('Book: ignored vendor extensions camunda:class, <camunda:properties>');
    expect(text).toContain('camunda:collection');
  });

  it('validates what it imported, as the designer would', () => {
    expect(r.problems).toEqual({ loancheck: [] });
  });
});

describe('importBpmn: default namespace, no diagram', () => {
  const r = importBpmn(DEFAULT_NAMESPACE, { variables });
  const def = r.definitions[0];

  it('maps scripts, timers, parallel gateways and terminate ends', () => {
    expect(r.unsupported).toEqual([]);
    expect(def?.nodes.map((x) => [x.id, x.type])).toEqual([
      ['s', 'start'],
      ['fork', 'parallel'],
      ['kyc', 'service'],
      ['cooling', 'timer'],
      ['merge', 'join'],
      ['e', 'terminate'],
    ]);
    expect(def?.nodes.find((x) => x.id === 'kyc')).toMatchObject({ effect: 'script', config: { script: 'checkKyc()', scriptFormat: 'javascript' } });
    expect(def?.nodes.find((x) => x.id === 'cooling')).toMatchObject({ duration: 'PT24H' });
    expect(def?.nodes.every((x) => x.position === undefined)).toBe(true);
  });

  it('drops the condition on a parallel split with a warning', () => {
    expect(def?.edges.find((x) => x.id === 'f2')?.condition).toBeUndefined();
    expect(r.warnings.some((w) => w.id === 'f2' && w.message.includes('parallel'))).toBe(true);
    expect(r.problems.review).toEqual([]);
  });
});

describe('importBpmn: what it refuses', () => {
  it('lists every unsupported element, not only the first', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <message id="m" />
      <process id="p">
        <startEvent id="s"><messageEventDefinition messageRef="m" /></startEvent>
        <eventBasedGateway id="wait" />
        <receiveTask id="r" />
        <complexGateway id="cx" />
        <userTask id="again"><standardLoopCharacteristics /></userTask>
        <endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
      </process>
      <signal id="sig" /><escalation id="esc" />
    </definitions>`;
    const r = importBpmn(xml);
    expect(r.unsupported).toEqual([
      { id: 'esc', tag: 'escalation' },
      { id: 's', tag: 'startEvent', processId: 'p' },
      { id: 'wait', tag: 'eventBasedGateway', processId: 'p' },
      { id: 'r', tag: 'receiveTask', processId: 'p' },
      { id: 'cx', tag: 'complexGateway', processId: 'p' },
      { id: 'again', tag: 'standardLoopCharacteristics' },
    ]);
  });

  it('reports values BPMN forbids and conditions that do not map', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <process id="p">
        <startEvent id="s" />
        <scriptTask id="loop"><standardLoopCharacteristics loopMaximum="-1" /><script>x</script></scriptTask>
        <scriptTask id="mi" completionQuantity="0"><multiInstanceLoopCharacteristics><loopCardinality>-2</loopCardinality></multiInstanceLoopCharacteristics><script>y</script></scriptTask>
        <exclusiveGateway id="g" default="f4" />
        <endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="loop" />
        <sequenceFlow id="f2" sourceRef="loop" targetRef="mi" />
        <sequenceFlow id="f3" sourceRef="mi" targetRef="g" />
        <sequenceFlow id="f5" sourceRef="g" targetRef="e"><conditionExpression>amount.toString().length() &gt; 3</conditionExpression></sequenceFlow>
        <sequenceFlow id="f4" sourceRef="g" targetRef="e" />
      </process>
    </definitions>`;
    const r = importBpmn(xml, { variables });
    expect(r.errors.map((x) => x.id)).toEqual(['loop', 'mi', 'mi', 'f5']);
  });

  it('reports the publish-time problems of the imported flow (a join after an exclusive split)', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <process id="p">
        <startEvent id="s" /><exclusiveGateway id="x" /><task id="noop" />
        <serviceTask id="a" /><serviceTask id="b" /><parallelGateway id="j" /><endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="x" />
        <sequenceFlow id="f2" sourceRef="x" targetRef="a"><conditionExpression>amount &gt; 1</conditionExpression></sequenceFlow>
        <sequenceFlow id="f3" sourceRef="x" targetRef="b"><conditionExpression>amount &lt;= 1</conditionExpression></sequenceFlow>
        <sequenceFlow id="f4" sourceRef="a" targetRef="j" /><sequenceFlow id="f5" sourceRef="b" targetRef="j" />
        <sequenceFlow id="f6" sourceRef="j" targetRef="e" />
      </process>
    </definitions>`;
    const r = importBpmn(xml, { variables });
    expect(r.unsupported).toEqual([{ id: 'noop', tag: 'task', processId: 'p' }]);
    expect(r.problems.p?.map((x) => `${x.code}@${x.nodeId ?? ''}`)).toEqual(['branchWithoutDefault@x', 'joinCanDeadlock@j']);
  });

  it('refuses a document that is not BPMN', () => {
    expect(importBpmn('<definitions xmlns="urn:other" />').errors[0]?.message).toContain('not a BPMN 2.0 document');
    expect(importBpmn('<definitions').errors[0]?.message).toContain('not well-formed');
  });
});

describe('importBpmn: sub-processes, boundary timers, implicit splits', () => {
  it('an embedded sub-process becomes a subflow with its own definition and a boundary timer', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <process id="Onboarding">
        <startEvent id="s" />
        <subProcess id="Kyc"><standardLoopCharacteristics><loopCondition>\${amount &lt; 3}</loopCondition></standardLoopCharacteristics>
          <startEvent id="ks" /><scriptTask id="check"><script>CHECK</script></scriptTask><endEvent id="ke" />
          <sequenceFlow id="k1" sourceRef="ks" targetRef="check" /><sequenceFlow id="k2" sourceRef="check" targetRef="ke" />
        </subProcess>
        <boundaryEvent id="late" attachedToRef="Kyc" cancelActivity="false"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
        <scriptTask id="remind"><script>REMIND</script></scriptTask>
        <endEvent id="e" /><endEvent id="e2" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="Kyc" /><sequenceFlow id="f2" sourceRef="Kyc" targetRef="e" />
        <sequenceFlow id="f3" sourceRef="late" targetRef="remind" /><sequenceFlow id="f4" sourceRef="remind" targetRef="e2" />
      </process>
    </definitions>`;
    const r = importBpmn(xml, { variables });
    expect(r.definitions.map((d) => d.key)).toEqual(['onboarding--kyc', 'onboarding']);
    const kyc = r.definitions[1]?.nodes.find((x) => x.id === 'Kyc');
    expect(kyc).toMatchObject({
      type: 'subflow',
      flowKey: 'onboarding--kyc',
      inputs: { amount: 'amount' },
      outputs: { amount: 'amount' },
      loop: { condition: 'amount < 3' },
      boundaryTimers: [{ id: 'late', duration: 'PT1H', interrupting: false, edge: 'f3' }],
    });
    expect(r.definitions[1]?.edges.find((x) => x.id === 'f3')?.source).toBe('Kyc');
    expect(r.problems).toEqual({ 'onboarding--kyc': [], onboarding: [] });
  });

  it('a timer on a user task becomes a boundary timer of the approval', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <process id="p">
        <startEvent id="s" /><userTask id="review" /><endEvent id="e" /><endEvent id="late" />
        <boundaryEvent id="sla" attachedToRef="review"><timerEventDefinition><timeDuration>PT8H</timeDuration></timerEventDefinition></boundaryEvent>
        <sequenceFlow id="f1" sourceRef="s" targetRef="review" /><sequenceFlow id="f2" sourceRef="review" targetRef="e" />
        <sequenceFlow id="f3" sourceRef="sla" targetRef="late" />
      </process>
    </definitions>`;
    const r = importBpmn(xml);
    expect(r.definitions[0]?.nodes.find((x) => x.id === 'review')).toMatchObject({ type: 'approval', boundaryTimers: [{ id: 'sla', duration: 'PT8H', interrupting: true, edge: 'f3' }] });
    expect(r.problems.p).toEqual([]);
  });

  it('several flows out of a task become an explicit split (parallel, or inclusive with conditions)', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <process id="p">
        <startEvent id="s" /><serviceTask id="t" default="f3" /><endEvent id="a" /><endEvent id="b" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="t" />
        <sequenceFlow id="f2" sourceRef="t" targetRef="a"><conditionExpression>\${amount == 1}</conditionExpression></sequenceFlow>
        <sequenceFlow id="f3" sourceRef="t" targetRef="b" />
      </process>
    </definitions>`;
    const def = importBpmn(xml, { variables }).definitions[0];
    expect(def?.nodes.find((x) => x.id === 't__split')?.type).toBe('inclusive');
    expect(def?.edges.filter((x) => x.source === 't__split').map((x) => [x.id, x.condition, x.default])).toEqual([
      ['f2', 'amount = 1', undefined],
      ['f3', undefined, true],
    ]);
  });

  it('error end events carry the error code; call activities call the flow of that process', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <error id="Err_1" name="Limit" errorCode="LIMIT_BREACH" />
      <process id="Main">
        <startEvent id="s" /><callActivity id="call" calledElement="Scoring" /><endEvent id="boom"><errorEventDefinition errorRef="Err_1" /></endEvent>
        <sequenceFlow id="f1" sourceRef="s" targetRef="call" /><sequenceFlow id="f2" sourceRef="call" targetRef="boom" />
      </process>
      <process id="Scoring"><startEvent id="s2" /><endEvent id="e2" /><sequenceFlow id="g1" sourceRef="s2" targetRef="e2" /></process>
    </definitions>`;
    const r = importBpmn(xml);
    expect(r.processKeys).toEqual({ Main: 'main', Scoring: 'scoring' });
    const main = r.definitions.find((d) => d.key === 'main');
    expect(main?.nodes.find((x) => x.id === 'boom')).toMatchObject({ type: 'end', errorCode: 'LIMIT_BREACH' });
    expect(main?.nodes.find((x) => x.id === 'call')).toMatchObject({ type: 'subflow', flowKey: 'scoring' });
  });

  it('an event sub-process started by a timer becomes a boundary timer on the scope content', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <process id="Case">
        <startEvent id="s" /><serviceTask id="work" /><endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="work" /><sequenceFlow id="f2" sourceRef="work" targetRef="e" />
        <subProcess id="Sla" triggeredByEvent="true">
          <startEvent id="t" isInterrupting="false"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent>
          <serviceTask id="notifyOps" /><endEvent id="te" />
          <sequenceFlow id="h1" sourceRef="t" targetRef="notifyOps" /><sequenceFlow id="h2" sourceRef="notifyOps" targetRef="te" />
        </subProcess>
      </process>
    </definitions>`;
    const r = importBpmn(xml);
    expect(r.unsupported).toEqual([]);
    expect(r.definitions.map((d) => d.key)).toEqual(['case--main', 'case--sla', 'case']);
    const scope = r.definitions.find((d) => d.key === 'case');
    expect(scope?.nodes.find((x) => x.id === 'Case__main')).toMatchObject({ type: 'subflow', flowKey: 'case--main', boundaryTimers: [{ id: 'Sla', duration: 'P1D', interrupting: false, edge: 'Sla__trigger' }] });
    expect(scope?.nodes.find((x) => x.id === 'Sla__run')).toMatchObject({ type: 'subflow', flowKey: 'case--sla' });
    expect(Object.values(r.problems).flat()).toEqual([]);
  });

  it('an edge that closes a cycle becomes a loop edge', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <process id="p">
        <startEvent id="s" /><exclusiveGateway id="m" /><serviceTask id="t" /><exclusiveGateway id="x" default="out" /><endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="m" /><sequenceFlow id="f2" sourceRef="m" targetRef="t" /><sequenceFlow id="f3" sourceRef="t" targetRef="x" />
        <sequenceFlow id="back" sourceRef="x" targetRef="m"><conditionExpression>amount &lt; 3</conditionExpression></sequenceFlow>
        <sequenceFlow id="out" sourceRef="x" targetRef="e" />
      </process>
    </definitions>`;
    const r = importBpmn(xml, { variables, maxCycleIterations: 50 });
    expect(r.definitions[0]?.edges.find((x) => x.id === 'back')?.loop).toEqual({ maxIterations: 50 });
    expect(r.problems.p).toEqual([]);
  });
});
