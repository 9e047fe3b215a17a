// @bankforge/rule-engine: FEEL compiled to closures, DMN decisions, and a DMN TCK runner.
// Helpers: add exports by inserting lines; never rewrite this file.
export * from './feel/values/feel-value.js';
export type * from './feel/api.js';
