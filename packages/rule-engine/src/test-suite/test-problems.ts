/** Failing test cases as artifact problems (en and zh-CN), one per case, at `/tests/<index>`. */
import type { ArtifactProblem } from '../artifact/artifact-kind.js';
import type { DecisionTestReport } from './run-tests.js';

const shown = (value: unknown): string => (value === undefined ? 'null' : JSON.stringify(value));

export function decisionTestProblems(report: DecisionTestReport): ArtifactProblem[] {
  return report.results
    .filter((r) => !r.passed)
    .map((r) => {
      const path = `/tests/${r.index}`;
      if (r.error !== undefined) {
        return { path, code: 'decisionTestFailed', message: `Test "${r.name}" could not run: ${r.error}`, messageZh: `测试“${r.name}”无法运行：${r.error}` };
      }
      const en = r.differences.map((d) => `${d.output} is ${shown(d.actual)}, expected ${shown(d.expected)}`);
      const zh = r.differences.map((d) => `${d.output} 为 ${shown(d.actual)}，期望 ${shown(d.expected)}`);
      return { path, code: 'decisionTestFailed', message: `Test "${r.name}" failed: ${en.join('; ')}.`, messageZh: `测试“${r.name}”未通过：${zh.join('；')}。` };
    });
}
