import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, runBetsy } from './betsy-runner.js';

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
