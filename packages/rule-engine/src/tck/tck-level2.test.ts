import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTckResults, runTckFolder } from './runner.js';

/** /work/shared/conformance/dmn-tck-level2, beside the repository (src/tck → five levels up). */
const LEVEL2 = fileURLToPath(new URL('../../../../../shared/conformance/dmn-tck-level2/', import.meta.url));

describe('DMN TCK compliance level 2', () => {
  it('passes every test case (116 in 28 folders)', () => {
    expect(existsSync(LEVEL2), `the TCK folder is missing: ${LEVEL2}`).toBe(true);
    const results = runTckFolder(LEVEL2);
    const report = formatTckResults(results);
    expect(results.folders).toHaveLength(28);
    expect(results.failed, report).toBe(0);
    expect(results.passed, report).toBe(116);
  });
});
