import {
  compileRecordValidator,
  fieldPatternProblem,
  type EntityDefinition,
  type FieldDefinition,
  type FieldError,
} from '@bankforge/data-model';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { tableNameOf } from './physical-schema.js';

/** A published entity as the record store uses it: definition, table, and its compiled validator. */
export class EntityModel {
  readonly table: string;
  readonly fieldsByKey: ReadonlyMap<string, FieldDefinition>;
  /** Compiled once per published version; every write of every record reuses it. */
  readonly validate: (values: Record<string, unknown>) => FieldError[];

  constructor(
    readonly definition: EntityDefinition,
    readonly version: number,
  ) {
    this.table = tableNameOf(definition.key);
    this.fieldsByKey = new Map(definition.fields.map((f) => [f.key, f]));
    this.validate = EntityModel.validatorOf(definition);
  }

  /**
   * The record validator. An entity published before patterns ran on RE2 may hold one RE2 refuses
   * (lookahead, a back-reference): its records cannot be checked, so every use of it answers 409
   * naming the fields and why, until an analyst replaces the pattern and publishes again.
   */
  private static validatorOf(definition: EntityDefinition): EntityModel['validate'] {
    const refused = definition.fields.flatMap((field) => {
      const problem = field.type === 'text' && typeof field.pattern === 'string' ? fieldPatternProblem(field.pattern) : null;
      return problem ? [{ path: `/fields/${definition.fields.indexOf(field)}/pattern`, code: 'unsupportedPattern', message: `${field.key}: ${problem.en}`, messageZh: `${field.key}：${problem.zh}` }] : [];
    });
    if (refused.length > 0) {
      throw new ProblemError(409, 'unsupportedPattern', `The published ${definition.key} has field patterns the server cannot run in linear time; an analyst must replace them and publish ${definition.key} again.`, refused);
    }
    return compileRecordValidator(definition);
  }

  get key(): string {
    return this.definition.key;
  }
}
