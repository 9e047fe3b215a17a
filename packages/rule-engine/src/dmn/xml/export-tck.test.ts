/**
 * Round trip of the DMN TCK's level-2 models: import, export, import again gives the same model,
 * and the TCK's test cases run on the exported models (a temporary copy of each folder, the test
 * files beside the exported models) give the same results as on the originals.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findTckFolders, runTestCaseFolder } from '../../tck/runner.js';
import { exportDmn } from './export-dmn.js';
import { importDmn } from './import-dmn.js';

/** /work/shared/conformance/dmn-tck-level2, beside the repository (src/dmn/xml → six levels up). */
const LEVEL2 = fileURLToPath(
  new URL('../../../../../../shared/conformance/dmn-tck-level2/', import.meta.url),
);

const work = mkdtempSync(join(tmpdir(), 'dmn-export-tck-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('DMN XML export: the TCK level-2 models round trip', () => {
  it('imports every exported model back to the same model, and its test cases give the same results', () => {
    expect(existsSync(LEVEL2), `the TCK folder is missing: ${LEVEL2}`).toBe(true);
    const folders = findTckFolders(LEVEL2);
    expect(folders).toHaveLength(28);
    let models = 0;
    let cases = 0;
    for (const folder of folders) {
      const files = readdirSync(folder);
      const dmnFiles = files.filter((f) => f.endsWith('.dmn'));
      const texts = dmnFiles.map((f) => readFileSync(join(folder, f), 'utf8'));
      const copy = join(work, basename(folder));
      mkdirSync(copy);
      texts.forEach((text, i) => {
        const others = texts.filter((_, j) => j !== i);
        const first = importDmn(text, others);
        const xml = exportDmn(first.model, { name: first.name });
        const second = importDmn(xml, others);
        expect(second.model, `${basename(folder)}/${dmnFiles[i]}`).toEqual(first.model);
        expect([second.name, second.namespace, second.warnings]).toEqual([
          first.name,
          first.namespace,
          first.warnings,
        ]);
        writeFileSync(join(copy, dmnFiles[i]!), xml);
        models++;
      });
      for (const file of files) if (file.endsWith('.xml')) copyFileSync(join(folder, file), join(copy, file));
      const original = runTestCaseFolder(folder);
      const exported = runTestCaseFolder(copy);
      expect(exported.cases, basename(folder)).toEqual(original.cases);
      expect(exported.failed, basename(folder)).toBe(0);
      cases += exported.passed;
    }
    expect([models, cases]).toEqual([28, 116]);
  });
});
