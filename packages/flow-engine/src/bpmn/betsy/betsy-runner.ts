/**
 * Runs the betsy BPMN conformance cases (shared/conformance/bpmn-betsy): imports each model,
 * starts the case's process with its variables on a virtual clock, adds the error and marker
 * tokens from how the instance ended, and compares the trace with the expected one as a multiset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowDefinition, FlowVariable } from '../../definition/flow-definition.js';
import type { JsonValue } from '../../engine/state/flow-state.js';
import { importBpmn, type BpmnImportResult } from '../import/import-bpmn.js';
import { finalTrace } from './script-tokens.js';
import { Simulation } from './simulation.js';

export interface BetsyCase {
  id: string;
  test: string;
  case: number;
  bpmnFile: string;
  processId: string;
  startFirst: string | null;
  variables: Record<string, JsonValue>;
  waitMs: number;
  expect: { deployable: boolean; trace: string[]; traceCompare: string };
}

export interface BetsyCaseResult {
  id: string;
  group: string;
  passed: boolean;
  /** Skipped: the model needs elements the importer does not support (listed in `reason`). */
  skipped: boolean;
  expected: string[];
  actual: string[];
  reason?: string;
}

export interface BetsyReport {
  results: BetsyCaseResult[];
  groups: { group: string; passed: number; total: number }[];
  passed: number;
  failed: number;
}

/** The variables betsy passes, declared for the imported flows. */
export const BETSY_VARIABLES: FlowVariable[] = [
  { name: 'test', type: 'string' },
  { name: 'integerVariable', type: 'number' },
  { name: 'testCaseNumber', type: 'number' },
  { name: 'data', type: 'string' },
];

/** Virtual time a case may run beyond betsy's own wait (loops of timers end well before). */
const MIN_LIMIT_MS = 60 * 60_000;

export function runBetsy(folder: string): BetsyReport {
  const cases = JSON.parse(readFileSync(join(folder, 'cases.json'), 'utf8')) as BetsyCase[];
  const imports = new Map<string, BpmnImportResult>();
  const results = cases.map((c) => {
    let imported = imports.get(c.bpmnFile);
    if (imported === undefined) {
      imported = importBpmn(readFileSync(join(folder, c.bpmnFile), 'utf8'), { variables: BETSY_VARIABLES });
      imports.set(c.bpmnFile, imported);
    }
    return runCase(c, imported);
  });
  const groups = new Map<string, { passed: number; total: number }>();
  for (const r of results) {
    const g = groups.get(r.group) ?? { passed: 0, total: 0 };
    g.total++;
    if (r.passed) g.passed++;
    groups.set(r.group, g);
  }
  const passed = results.filter((r) => r.passed).length;
  return { results, groups: [...groups].map(([group, g]) => ({ group, ...g })), passed, failed: results.length - passed };
}

export function runCase(c: BetsyCase, imported: BpmnImportResult): BetsyCaseResult {
  const group = c.id.split('/')[0] ?? c.test;
  const base = { id: c.id, group, expected: c.expect.trace };
  if (imported.unsupported.length > 0) {
    const list = imported.unsupported.map((u) => `${u.tag} ${u.id}`).join(', ');
    return { ...base, passed: false, skipped: true, actual: [], reason: `skipped: unsupported ${list}` };
  }
  let actual: string[];
  if (imported.errors.length > 0) {
    // the model breaks a BPMN rule: it does not deploy
    actual = ['ERROR_deployment'];
  } else {
    const defs = new Map<string, FlowDefinition>(imported.definitions.map((d) => [d.key, d]));
    const sim = new Simulation(defs, Math.max(MIN_LIMIT_MS, c.waitMs * 10));
    const vars = { ...c.variables };
    if (c.startFirst !== null) sim.start(imported.processKeys[c.startFirst] ?? c.startFirst, vars);
    sim.start(imported.processKeys[c.processId] ?? c.processId, vars);
    const result = sim.run();
    actual = finalTrace(result.log);
    for (const end of result.ends) {
      if (end.status !== 'failed') continue;
      actual.push(end.outcome !== undefined ? 'ERROR_thrownErrorEvent' : 'ERROR_runtime');
    }
  }
  const passed = sameMultiset(normalise(actual, c.expect.trace), c.expect.trace);
  const r: BetsyCaseResult = { ...base, passed, skipped: false, actual };
  if (!passed) r.reason = imported.errors.length > 0 ? `not deployed: ${imported.errors.map((e) => e.message).join('; ')}` : 'trace differs';
  return r;
}

/** `ERROR` in an expectation accepts a deployment or a run-time failure. */
function normalise(actual: string[], expected: string[]): string[] {
  if (!expected.includes('ERROR')) return actual;
  return actual.map((t) => (t.startsWith('ERROR_') ? 'ERROR' : t));
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

/** The report as text: failures with their reasons, per group, the total, and `N passed, M failed`. */
export function formatReport(report: BetsyReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.passed) continue;
    lines.push(`${r.skipped ? 'SKIP' : 'FAIL'} ${r.id}: expected [${r.expected.join(', ')}], got [${r.actual.join(', ')}]${r.reason !== undefined ? ` (${r.reason})` : ''}`);
  }
  for (const g of report.groups) lines.push(`${g.group}: ${g.passed}/${g.total}`);
  lines.push(`total: ${report.passed}/${report.passed + report.failed}`);
  lines.push(`${report.passed} passed, ${report.failed} failed`);
  return lines.join('\n');
}
