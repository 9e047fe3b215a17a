/**
 * `@bankforge/data-model/browser`: what the browser needs to run the record validators the
 * server generates (standalone code, no `new Function`), under a CSP without `unsafe-eval`.
 * Nothing reachable from here imports Ajv's compiler.
 */
export {
  validatorRuntime,
  loadTypeCheck,
  type ValidatorRuntime,
  type ValidatorModule,
} from './standalone/validator-runtime.js';
export type { RecordTypeCheck } from './record/type-check.js';
export type { FieldError } from './entity/entity-definition.js';
export { recordTitle, titleFieldKeys } from './entity/record-title.js';
