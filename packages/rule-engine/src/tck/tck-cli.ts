/**
 * `npm run tck -w @bankforge/rule-engine -- <folder> [more folders] [--verbose]`: runs every DMN
 * TCK test-case folder under each folder, prints per-folder counts, the failures (expected vs
 * actual) and a last line `N passed, M failed`. Exits non-zero when anything fails.
 */
import { resolve } from 'node:path';
import { formatTckResults, runTckFolder, type TckResults } from './runner.js';

function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const folders = argv.filter((a) => !a.startsWith('-'));
  if (folders.length === 0) {
    process.stderr.write('usage: tck <folder of DMN TCK test cases> [...] [--verbose]\n');
    return 2;
  }
  const all: TckResults = { folders: [], passed: 0, failed: 0 };
  for (const folder of folders) {
    const results = runTckFolder(resolve(folder));
    all.folders.push(...results.folders);
    all.passed += results.passed;
    all.failed += results.failed;
  }
  process.stdout.write(`${formatTckResults(all, { verbose })}\n`);
  return all.failed > 0 || all.passed === 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
