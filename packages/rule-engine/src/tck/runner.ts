/**
 * A DMN TCK runner: every test-case folder under a directory (one or more `.dmn` models and
 * `*-test-NN.xml` test files), each `<testCase>` evaluated and its result nodes compared.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { FeelDateTime, FeelValue } from '../feel/values/feel-value.js';
import { FeelContext } from '../feel/values/feel-value.js';
import { toFeelValue } from '../feel/values/json.js';
import { compileDecisionModel, type CompiledDecisionModel } from '../dmn/evaluate.js';
import { importDmn, parseDmnDocument, type DmnDocument } from '../dmn/xml/import-dmn.js';
import { attr, childElements, parseXml, textOf, type Element } from '../dmn/xml/xml.js';
import type { DmnWarning } from '../dmn/run.js';
import { readTckValue, showValue, tckEquals, type TypeHint } from './values.js';
import { feelTypesOf, builtinTypeName } from '../dmn/item-definition.js';
import { parseType, type FeelType } from '../feel/values/types.js';
import type { DecisionModel } from '../dmn/model.js';

export const TESTCASE_NAMESPACE = 'http://www.omg.org/spec/DMN/20160719/testcase';

export interface TckNodeFailure {
  node: string;
  expected: string;
  actual: string;
  warnings: string[];
}

export interface TckCaseResult {
  /** The test file (relative to its folder) and the test case id. */
  file: string;
  id: string;
  description?: string;
  passed: boolean;
  failures: TckNodeFailure[];
  /** A problem that stopped the case (a model that does not load, a bad value). */
  error?: string;
}

export interface TckFolderResult {
  /** Path of the folder relative to the directory given to the runner. */
  folder: string;
  passed: number;
  failed: number;
  cases: TckCaseResult[];
  /** A problem with the whole folder (no test file, a model that does not parse). */
  error?: string;
}

export interface TckResults {
  folders: TckFolderResult[];
  passed: number;
  failed: number;
}

function listDir(dir: string): string[] {
  return readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Test-case folders: directories holding `.dmn` files, found under `dir` (or `dir` itself). */
export function findTckFolders(dir: string): string[] {
  const entries = listDir(dir);
  if (entries.some((e) => e.endsWith('.dmn'))) return [dir];
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...findTckFolders(path));
  }
  return out;
}

export interface TckRunOptions {
  /**
   * The current date and time `now()` and `today()` answer. The engine reads no clock; the runner,
   * as a host, reads this one's once per run when none is given (one instant for every case).
   */
  now?: FeelDateTime;
}

/** The host's clock as a FEEL date and time (UTC, millisecond precision). */
export function clockNow(): FeelDateTime {
  return toFeelValue(new Date()) as FeelDateTime;
}

/** Runs every test-case folder under `dir`. */
export function runTckFolder(dir: string, options: TckRunOptions = {}): TckResults {
  const now = options.now ?? clockNow();
  const folders = findTckFolders(dir).map((folder) => runTestCaseFolder(folder, relative(dir, folder) || basename(folder), { now }));
  return {
    folders,
    passed: folders.reduce((n, f) => n + f.passed, 0),
    failed: folders.reduce((n, f) => n + f.failed, 0),
  };
}

interface LoadedModel {
  model: CompiledDecisionModel;
  namespace: string;
  /** Namespace → the prefixes its elements' keys take (one per path that imports it). */
  imports: ReadonlyMap<string, readonly string[]>;
  /** The declared type of each input data and decision, for reading untyped test values. */
  typeOf(name: string): TypeHint;
}

/** Input data and decisions of a model by name, with the FEEL type their typeRef declares. */
function declaredTypes(model: DecisionModel): (name: string) => TypeHint {
  const named = feelTypesOf(model.itemDefinitions ?? []);
  const byName = new Map<string, FeelType | undefined>();
  const typeRef = (ref: string | undefined): FeelType | undefined =>
    ref === undefined ? undefined : (named.get(ref) ?? parseType(builtinTypeName(ref) ?? ref) ?? undefined);
  for (const element of [...(model.inputData ?? []), ...model.decisions]) {
    byName.set(element.import === undefined ? element.name : `${element.import}.${element.name}`, typeRef(element.typeRef));
  }
  return (name) => ({ type: byName.get(name), named });
}

function importPrefixes(model: DecisionModel): Map<string, string[]> {
  const prefixes = new Map<string, string[]>();
  for (const i of model.imports ?? []) {
    const list = prefixes.get(i.namespace);
    if (list) list.push(i.name);
    else prefixes.set(i.namespace, [i.name]);
  }
  return prefixes;
}

function isTestCasesRoot(root: Element): boolean {
  return root.localName === 'testCases' && (root.namespaceURI === TESTCASE_NAMESPACE || root.namespaceURI === null || root.namespaceURI === '');
}

/** Runs one folder: loads all its models, runs each test file. */
export function runTestCaseFolder(folder: string, label: string = basename(folder), options: TckRunOptions = {}): TckFolderResult {
  const now = options.now ?? clockNow();
  const result: TckFolderResult = { folder: label, passed: 0, failed: 0, cases: [] };
  const files = listDir(folder);
  const documents = new Map<string, DmnDocument | Error>();
  for (const file of files.filter((f) => f.endsWith('.dmn'))) {
    try {
      documents.set(file, parseDmnDocument(readFileSync(join(folder, file), 'utf8'), file));
    } catch (error) {
      documents.set(file, error instanceof Error ? error : new Error(String(error)));
    }
  }
  const loaded = new Map<string, LoadedModel | Error>();
  const load = (file: string): LoadedModel | Error => {
    const cached = loaded.get(file);
    if (cached) return cached;
    let outcome: LoadedModel | Error;
    const doc = documents.get(file);
    if (!doc) outcome = new Error(`The model ${file} is not in the folder.`);
    else if (doc instanceof Error) outcome = doc;
    else {
      try {
        const others = [...documents.values()].filter((d): d is DmnDocument => !(d instanceof Error) && d !== doc);
        const imported = importDmn(doc, others);
        outcome = {
          model: compileDecisionModel(imported.model),
          namespace: imported.namespace,
          imports: importPrefixes(imported.model),
          typeOf: declaredTypes(imported.model),
        };
      } catch (error) {
        outcome = error instanceof Error ? error : new Error(String(error));
      }
    }
    loaded.set(file, outcome);
    return outcome;
  };

  const testFiles = files.filter((f) => f.endsWith('.xml'));
  let sawTests = false;
  for (const file of testFiles) {
    let root: Element;
    try {
      root = parseXml(readFileSync(join(folder, file), 'utf8'), file);
    } catch (error) {
      result.cases.push({ file, id: '*', passed: false, failures: [], error: (error as Error).message });
      continue;
    }
    if (!isTestCasesRoot(root)) continue;
    sawTests = true;
    const modelName = textOf(childElements(root, 'modelName')[0]).trim() || (documents.size === 1 ? [...documents.keys()][0] : '') || '';
    const model = load(modelName);
    for (const testCase of childElements(root, 'testCase')) {
      result.cases.push(runTestCase(testCase, file, model, now));
    }
  }
  if (!sawTests) {
    result.error = 'No test file (a testCases document) in the folder.';
    result.cases.push({ file: '', id: '*', passed: false, failures: [], error: result.error });
  }
  for (const c of result.cases) {
    if (c.passed) result.passed++;
    else result.failed++;
  }
  return result;
}

function warningText(w: DmnWarning): string {
  return `${w.element ? `${w.element}: ` : ''}${w.message}`;
}

function runTestCase(testCase: Element, file: string, model: LoadedModel | Error, now: FeelDateTime): TckCaseResult {
  const id = attr(testCase, 'id') ?? '?';
  const result: TckCaseResult = { file, id, passed: false, failures: [] };
  const description = childElements(testCase, 'description')[0];
  if (description) result.description = textOf(description).trim();
  if (model instanceof Error) {
    result.error = `The model does not load: ${model.message}`;
    return result;
  }
  const isService = attr(testCase, 'type') === 'decisionService';
  const invocable = attr(testCase, 'invocableName');
  try {
    const inputs = new Map<string, FeelValue>();
    for (const node of childElements(testCase, 'inputNode')) {
      const name = attr(node, 'name') ?? '';
      const namespace = attr(node, 'namespace');
      const prefixes = namespace !== undefined && namespace !== model.namespace ? (model.imports.get(namespace) ?? []) : [];
      // An input of an imported model is given under every prefix that model's elements take.
      const keys = prefixes.length === 0 ? [name] : prefixes.map((p) => `${p}.${name}`);
      for (const key of keys) inputs.set(key, readTckValue(node, model.typeOf(key)));
    }
    for (const node of childElements(testCase, 'resultNode')) {
      const name = attr(node, 'name') ?? '';
      const errorResult = attr(node, 'errorResult') === 'true';
      const expectedElement = childElements(node, 'expected')[0];
      const expected = errorResult || !expectedElement ? null : readTckValue(expectedElement, isService ? undefined : model.typeOf(name));
      let actual: FeelValue;
      let warnings: readonly DmnWarning[] = [];
      try {
        if (isService) {
          const serviceName = invocable ?? name;
          const evaluated = model.model.evaluateService(serviceName, inputs, { now });
          warnings = evaluated.warnings;
          actual = evaluated.value;
          if (name !== serviceName && actual instanceof FeelContext && actual.has(name)) actual = actual.get(name) as FeelValue;
        } else {
          const namespace = attr(node, 'namespace');
          const importName = namespace !== undefined && namespace !== model.namespace ? model.imports.get(namespace)?.[0] : undefined;
          const evaluated = model.model.evaluate(importName ? `${importName}.${name}` : name, inputs, { now });
          warnings = evaluated.warnings;
          actual = evaluated.value;
        }
      } catch (error) {
        if (errorResult) continue;
        result.failures.push({ node: name, expected: showValue(expected), actual: `error: ${(error as Error).message}`, warnings: [] });
        continue;
      }
      if (!tckEquals(expected, actual)) {
        result.failures.push({
          node: name,
          expected: errorResult ? 'null (an error)' : showValue(expected),
          actual: showValue(actual),
          warnings: warnings.map(warningText),
        });
      }
    }
    result.passed = result.failures.length === 0;
  } catch (error) {
    result.error = (error as Error).message;
  }
  return result;
}

/** The report: per folder counts, failures with expected and actual, then `N passed, M failed`. */
export function formatTckResults(results: TckResults, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  for (const folder of results.folders) {
    const total = folder.passed + folder.failed;
    lines.push(`${folder.failed === 0 ? 'ok  ' : 'FAIL'} ${folder.folder}: ${folder.passed}/${total} passed`);
    for (const c of folder.cases) {
      if (c.passed && !options.verbose) continue;
      if (c.passed) {
        lines.push(`       ok ${c.file} #${c.id}`);
        continue;
      }
      lines.push(`       FAIL ${c.file} #${c.id}${c.description ? ` (${c.description})` : ''}${c.error ? `: ${c.error}` : ''}`);
      for (const f of c.failures) {
        lines.push(`         ${f.node}: expected ${f.expected}, got ${f.actual}`);
        for (const w of f.warnings.slice(0, 5)) lines.push(`           warning: ${w}`);
      }
    }
  }
  lines.push(`${results.folders.length} folders`);
  lines.push(`${results.passed} passed, ${results.failed} failed`);
  return lines.join('\n');
}
