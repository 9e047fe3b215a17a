import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../import/import-bpmn.js';
import { BETSY_VARIABLES, formatReport, runBetsy, runCase, type BetsyCase } from './betsy-runner.js';

/** shared/conformance/bpmn-betsy, found from this file (packages/flow-engine/src/bpmn/betsy) up to the folder next to the repo. */
function suiteFolder(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    for (const candidate of ['../shared/conformance/bpmn-betsy/', 'shared/conformance/bpmn-betsy/']) {
      const path = fileURLToPath(new URL(candidate, dir));
      if (existsSync(`${path}cases.json`)) return path;
    }
  }
  throw new Error('the betsy cases (shared/conformance/bpmn-betsy) were not found');
}

describe('betsy BPMN conformance cases', () => {
  const report = runBetsy(suiteFolder());

  it('passes at least 112 of the 118 cases', () => {
    expect(report.results).toHaveLength(118);
    expect(report.passed, formatReport(report)).toBeGreaterThanOrEqual(112);
    expect(formatReport(report).split('\n').at(-1)).toBe(`${report.passed} passed, ${report.failed} failed`);
  });

  it('gets right what bpmn-engine gets wrong', () => {
    const passed = (id: string): boolean => report.results.find((r) => r.id === id)?.passed ?? false;
    // an inclusive join synchronises the branches taken; a parallel join after an exclusive split deadlocks;
    // conditions on a parallel split are ignored; a standard loop repeats while its condition holds
    for (const id of ['cfpatterns/WCP07_StructuredSynchronizingMerge#3', 'errors/ExclusiveDiverging_ParallelConverging#1', 'errors/ParallelGateway_Conditions#4', 'activities/Loop_Task#3']) {
      expect(passed(id), id).toBe(true);
    }
  });

  it('reports per group', () => {
    expect(report.groups.map((g) => g.group).sort()).toEqual(['activities', 'basics', 'cfpatterns', 'errors', 'events', 'gateways']);
    expect(report.groups.reduce((n, g) => n + g.total, 0)).toBe(118);
  });
});

describe('betsy runner tokens', () => {
  it('an error end event in a sub-process aborts the case: ERROR_thrownErrorEvent, and nothing after it runs', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
      <error id="E" errorCode="ERR_CODE" />
      <process id="Thrower">
        <startEvent id="s" /><scriptTask id="log"><script>CREATE_LOG_FILE</script></scriptTask>
        <subProcess id="sub"><startEvent id="ss" /><scriptTask id="t1"><script>SCRIPT_task1</script></scriptTask><endEvent id="boom"><errorEventDefinition errorRef="E" /></endEvent>
          <sequenceFlow id="g1" sourceRef="ss" targetRef="t1" /><sequenceFlow id="g2" sourceRef="t1" targetRef="boom" /></subProcess>
        <scriptTask id="after"><script>SCRIPT_task2</script></scriptTask><endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="log" /><sequenceFlow id="f2" sourceRef="log" targetRef="sub" />
        <sequenceFlow id="f3" sourceRef="sub" targetRef="after" /><sequenceFlow id="f4" sourceRef="after" targetRef="e" />
      </process>
    </definitions>`;
    const c: BetsyCase = {
      id: 'own/Thrower#1', test: 'Thrower', case: 1, bpmnFile: 'x', processId: 'Thrower', startFirst: null,
      variables: { integerVariable: 0 }, waitMs: 0, expect: { deployable: true, trace: ['SCRIPT_task1', 'ERROR_thrownErrorEvent'], traceCompare: 'multiset' },
    };
    const r = runCase(c, importBpmn(xml, { variables: BETSY_VARIABLES }));
    expect(r.actual).toEqual(['SCRIPT_task1', 'ERROR_thrownErrorEvent']);
    expect(r.passed).toBe(true);
  });
});
