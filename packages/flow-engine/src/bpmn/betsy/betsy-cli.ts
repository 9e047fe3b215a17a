/**
 * `npm run betsy -w @bankforge/flow-engine -- <folder>`: runs the betsy BPMN cases in <folder>
 * (default ../../../shared/conformance/bpmn-betsy from this package) and prints the report.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, runBetsy } from './betsy-runner.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const folder = resolve(process.argv[2] ?? resolve(here, '../../../../../../shared/conformance/bpmn-betsy'));
const report = runBetsy(folder);
console.log(formatReport(report));
