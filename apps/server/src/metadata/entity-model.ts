import { compileRecordValidator, type EntityDefinition, type FieldDefinition, type FieldError } from '@bankforge/form-engine';
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
    this.validate = compileRecordValidator(definition);
  }

  get key(): string {
    return this.definition.key;
  }
}
