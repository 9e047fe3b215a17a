import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Static imports and re-exports that load a module at run time: `import type` / `export type` do not.
const STATIC_IMPORT = /(?:^|[;\n])\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every source file reachable from `entry`, and every package specifier they import. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const pending = [resolve(SRC, entry)];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    files.push(relative(SRC, file));
    const text = readFileSync(file, 'utf8');
    for (const match of [...text.matchAll(STATIC_IMPORT), ...text.matchAll(DYNAMIC_IMPORT)]) {
      const specifier = match[1]!;
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = join(dirname(file), specifier).replace(/\.js$/, '');
      const source = ['.ts', '.tsx'].map((ext) => target + ext).find((candidate) => existsSync(candidate));
      if (source === undefined) throw new Error(`${relative(SRC, file)}: cannot resolve ${specifier}`);
      pending.push(source);
    }
  }
  return { files: files.sort(), packages };
}

/** Ajv's compiler and ajv-formats' entry (which loads it); Ajv's tiny runtime helpers would be fine. */
function loadsAjvCompiler(specifier: string): boolean {
  return /^ajv(?:-formats)?(?:\/|$)/.test(specifier) && !specifier.startsWith('ajv/dist/runtime/');
}

describe('the browser entry point', () => {
  it('reaches the validator runtime, the keyword checks and the error messages', () => {
    const { files } = importGraph('browser.ts');
    expect(files).toEqual(
      expect.arrayContaining([
        'standalone/validator-runtime.ts',
        'record/keyword-checks.ts',
        'record/record-formats.ts',
        'record/ajv-errors.ts',
        'record/messages.ts',
        'field-types/resident-id.ts',
      ]),
    );
  });

  it("never loads Ajv's compiler or ajv-formats", () => {
    const { packages } = importGraph('browser.ts');
    expect([...packages].filter(loadsAjvCompiler)).toEqual([]);
  });

  it('would notice if it did: the Node-side generator is caught', () => {
    const { packages } = importGraph('standalone/validator-module.ts');
    expect([...packages].filter(loadsAjvCompiler)).toEqual(['ajv', 'ajv/dist/standalone/index.js']);
  });
});
