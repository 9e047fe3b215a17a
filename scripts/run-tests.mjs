// Runs every workspace's tests through turbo, then adds up the Vitest JSON reports so that
// one closing line (`Tests: N passed, M failed`) speaks for the whole monorepo. Before them, the
// packages' public faces are compared with their committed API reports (scripts/api-report.mjs),
// and every workspace is linted (import boundaries, React hooks): each of the two counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages', 'apps', 'examples']
  .flatMap((dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : []))
  .concat(join(root, 'e2e'));
for (const ws of workspaces) rmSync(join(ws, 'test-results.json'), { force: true });

const apiReports = spawnSync(process.execPath, [join(root, 'scripts/api-report.mjs'), '--check'], { cwd: root, stdio: 'inherit' });
const lint = spawnSync('npx', ['turbo', 'run', 'lint', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});

const run = spawnSync('npx', ['turbo', 'run', 'test', '--concurrency=1', '--force', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});

const checks = [
  ['scripts/api-report.mjs --check', apiReports.status === 0],
  ['turbo run lint', lint.status === 0],
];
const checksPassed = checks.filter(([, ok]) => ok).length;
let passed = checksPassed;
let failed = checks.length - checksPassed;
let skipped = 0;
for (const [name, ok] of checks) console.log(`  ${name}: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
for (const ws of workspaces) {
  const file = join(ws, 'test-results.json');
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`  ${ws.slice(root.length)}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
// A skipped test is a test that did not run (often a failed beforeAll): it fails the run too.
process.exit(run.status !== 0 || failed > 0 || skipped > 0 || passed === checksPassed ? 1 : 0);
