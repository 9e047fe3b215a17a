import { FILTER_OPERATORS } from './record-filter.js';

/**
 * The JSON Schema (draft-07) of a filter, for every schema that takes one (the records query, the
 * report artifact): place it at `definitions.filter`, where it refers to itself. `field` is the
 * caller's schema of a condition's field name (the records query takes any short name and answers
 * unknown ones as `unknownField`; a report, a path of identifiers). What the schema cannot say —
 * one shape per object, operators per field type, values per operator, nesting depth — the
 * compiler and `filterDepthProblem` answer, at the same JSON Pointers.
 */
export function filterJsonSchema<Field extends object>(field: Field) {
  return {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: {
      and: { type: 'array', maxItems: 100, items: { $ref: '#/definitions/filter' } },
      or: { type: 'array', maxItems: 100, items: { $ref: '#/definitions/filter' } },
      not: { $ref: '#/definitions/filter' },
      field,
      op: { enum: FILTER_OPERATORS },
      value: {},
    },
  } as const;
}
