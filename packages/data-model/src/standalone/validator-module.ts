/**
 * Node only: generates a record validator as the source of a self-contained ES module, with
 * Ajv's standalone code generation, so that browsers never compile schemas (Ajv compiles with
 * `new Function`, which a Content-Security-Policy without `unsafe-eval` forbids).
 */
import { _, type Ajv, type AnySchemaObject, type AsyncValidateFunction, type Code, type ValidateFunction } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import type { EntityDefinition } from '../entity/entity-definition.js';
import { errorFields } from '../record/ajv-errors.js';
import { linearRegExp } from '../record/field-pattern.js';
import { createRecordAjv } from '../record/record-ajv.js';
import { recordJsonSchema } from '../record/record-schema.js';

// CommonJS: the default import is the function under one module resolution and the module object under another.
type StandaloneCode = (ajv: Ajv, refsOrFunc?: AnyValidateFunction) => string;
type AnyValidateFunction = ValidateFunction | AsyncValidateFunction;
const standaloneInterop = standaloneCodeModule as unknown as StandaloneCode | { default: StandaloneCode };
const standaloneCode: StandaloneCode = typeof standaloneInterop === 'function' ? standaloneInterop : standaloneInterop.default;

type ScopeName =
  NonNullable<NonNullable<ValidateFunction['source']>['scopeValues'][string]> extends Set<infer N>
    ? N
    : never;

/** Ajv's runtime helpers (named by the code Ajv emits for them) → how the module reaches them. */
const RUNTIME_HELPERS: Readonly<Record<string, Code>> = {
  'require("ajv/dist/runtime/ucs2length").default': _`runtime.ucs2length`,
  // createRecordAjv's code.regExp (linearRegExp) already names itself so.
  [linearRegExp.code]: _`runtime.regExp`,
};

/** A pattern compiled by the runtime's engine: `func0("^…$", "u")`, func0 being `runtime.regExp`. */
const PATTERN_CALL = /^func\d+\("(?:[^"\\]|\\.)*", "u?"\)$/;

/** How createRecordAjv declares keywords and formats: `runtime.keywords[…]`, `runtime.formats…`, or a RegExp literal. */
const RUNTIME_REFERENCE = /^(?:runtime\.(?:keywords|formats)[.[]|\/)/;

/** Helpers every JavaScript environment has. */
const GLOBAL_HELPERS = new Set(['Object.prototype.hasOwnProperty']);

/**
 * Points every helper the compiled code uses at the runtime, and refuses anything the module
 * could not reach without an import.
 */
export function reachThroughRuntime(validate: ValidateFunction | AsyncValidateFunction): void {
  const scopeValues = validate.source?.scopeValues ?? {};
  for (const [prefix, names] of Object.entries(scopeValues)) {
    for (const name of names ?? []) linkScopeValue(prefix, name);
  }
}

function linkScopeValue(prefix: string, name: ScopeName): void {
  const value = name.value;
  const code = value?.code === undefined ? undefined : String(value.code);
  switch (prefix) {
    case 'func': {
      const helper = code === undefined ? undefined : RUNTIME_HELPERS[code];
      if (helper !== undefined && value !== undefined) name.value = { ...value, code: helper };
      else if (code === undefined || !GLOBAL_HELPERS.has(code)) throw unreachable(prefix, code);
      return;
    }
    case 'keyword':
    case 'formats':
      if (code === undefined || !RUNTIME_REFERENCE.test(code)) throw unreachable(prefix, code);
      return;
    case 'schema':
      // The schema as a JSON literal: plain data.
      return;
    case 'pattern':
      // A call of the linked `runtime.regExp` (never `new RegExp`, which would backtrack).
      if (code === undefined || !PATTERN_CALL.test(code)) throw unreachable(prefix, code);
      return;
    default:
      throw unreachable(prefix, code);
  }
}

function unreachable(prefix: string, code: string | undefined): Error {
  return new Error(
    `standaloneValidatorModule: the compiled schema uses a ${prefix} value the module cannot reach: ${code ?? '(no code)'}`,
  );
}

/** JSON as a JavaScript literal (JSON.stringify leaves U+2028/U+2029, which end a comment line). */
function jsLiteral(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const ESM_HEADER = /^"use strict";\nexport const validate = (validate\d+);\nexport default \1;\n/;

/**
 * The source text of a self-contained ES module (no imports) whose default export takes the
 * `validatorRuntime` of `@bankforge/form-engine/browser` and returns the entity's record type
 * check: what `compileRecordValidator(entity, { partial: true, today })` checks, with the same
 * FieldErrors. `today` (YYYY-MM-DD) bounds resident-ID birth dates: regenerate daily.
 */
export function standaloneValidatorModule(
  entity: EntityDefinition,
  options: { today?: string } = {},
): string {
  const ajv = createRecordAjv({ source: true });
  const schema: AnySchemaObject = recordJsonSchema(entity, { partial: true, today: options.today });
  const validate = ajv.compile(schema);
  reachThroughRuntime(validate);
  const code = standaloneCode(ajv, validate);
  const header = ESM_HEADER.exec(code);
  if (header === null)
    throw new Error('standaloneValidatorModule: unexpected output from Ajv standalone code');
  const body = code.slice(header[0].length);
  return [
    `// The record validator of entity ${jsLiteral(entity.key)}, generated by @bankforge/form-engine. Do not edit.`,
    `// Its default export takes validatorRuntime from @bankforge/form-engine/browser.`,
    `const FIELDS = ${jsLiteral(errorFields(entity.fields))};`,
    `export default function recordTypeCheck(runtime) {`,
    body,
    `return runtime.recordTypeCheck(${header[1]}, FIELDS);`,
    `}`,
    ``,
  ].join('\n');
}
