/**
 * The Ajv set-up of record validation (Node only: Ajv compiles with `new Function`). Every helper
 * the compiled code calls is declared with the `code` a standalone module reaches it by: a
 * property of the `runtime` parameter of the module's default export (see `src/standalone`).
 */
import { _, Ajv, type CodeKeywordDefinition, type KeywordCxt } from 'ajv';
import { linearRegExp } from './field-pattern.js';
import { KEYWORD_CHECKS, type RecordKeyword } from './keyword-checks.js';
import { RECORD_FORMATS } from './record-formats.js';

/** The data type each keyword applies to (any when absent) and the type of its schema value. */
const KEYWORD_SHAPES: Readonly<
  Record<RecordKeyword, { type?: 'string' | 'number'; schemaType: 'object' | 'array' | 'boolean' }>
> = {
  decimalShape: { type: 'string', schemaType: 'object' },
  safeInteger: { type: 'number', schemaType: 'boolean' },
  residentId: { type: 'string', schemaType: 'object' },
  allowedCurrencies: { type: 'string', schemaType: 'array' },
  dateRange: { type: 'string', schemaType: 'object' },
  jsonValue: { schemaType: 'boolean' },
};

/**
 * A keyword whose generated code calls its check and reports each failure as one Ajv error whose
 * params are the failure (`{ code, ...details }`), as `toFieldErrors` expects.
 */
function recordKeyword(name: RecordKeyword): CodeKeywordDefinition {
  return {
    keyword: name,
    ...KEYWORD_SHAPES[name],
    error: { message: 'see params.code', params: ({ params }) => _`${params.failure ?? _`{}`}` },
    code(cxt: KeywordCxt) {
      const { gen, data, schemaCode } = cxt;
      const check = gen.scopeValue('keyword', {
        ref: KEYWORD_CHECKS[name],
        code: _`runtime.keywords[${name}]`,
      });
      const failures = gen.const('failures', _`${check}(${schemaCode}, ${data})`);
      gen.forOf('failure', failures, (failure) => cxt.error(true, { failure }));
    },
  };
}

/**
 * A fresh Ajv with this package's formats and keywords. Never leaves the package. `source` keeps
 * the generated code, for `standaloneCode`.
 */
export function createRecordAjv(options: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    // Own properties only: a field keyed `constructor` must not see Object.prototype's.
    ownProperties: true,
    messages: false,
    code: {
      formats: _`runtime.formats`,
      // Patterns run in RE2 (linear time): an analyst's pattern must not be able to stall the event loop.
      regExp: linearRegExp,
      ...(options.source ? { source: true, esm: true, lines: true } : {}),
    },
  });
  for (const [name, format] of Object.entries(RECORD_FORMATS)) ajv.addFormat(name, format);
  for (const name of Object.keys(KEYWORD_CHECKS) as RecordKeyword[]) ajv.addKeyword(recordKeyword(name));
  return ajv;
}
