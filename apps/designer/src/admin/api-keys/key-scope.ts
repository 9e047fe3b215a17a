import type { ApiKeyScope, RecordOperation } from '@bankforge/client';

/** The scope with one entity's operation allowed or not; an entity left with none drops out. */
export function toggleOperation(scope: ApiKeyScope, entity: string, operation: RecordOperation, allowed: boolean): ApiKeyScope {
  const current = Object.hasOwn(scope.entities, entity) ? scope.entities[entity]! : [];
  const next = allowed ? [...current.filter((op) => op !== operation), operation] : current.filter((op) => op !== operation);
  const entities = { ...scope.entities };
  if (next.length > 0) entities[entity] = next;
  else delete entities[entity];
  return { ...scope, entities };
}

/** Whether the scope allows the operation on the entity. */
export function allows(scope: ApiKeyScope, entity: string, operation: RecordOperation): boolean {
  return Object.hasOwn(scope.entities, entity) && scope.entities[entity]!.includes(operation);
}

/** The scope as lines of the list: each entity (by key) with its operations, in the order the operations are shown; `line` words it. */
export function scopeSummary(scope: ApiKeyScope, order: readonly RecordOperation[], line: (entity: string, operations: RecordOperation[]) => string): string[] {
  return Object.keys(scope.entities)
    .sort()
    .map((entity) => line(entity, order.filter((op) => scope.entities[entity]!.includes(op))));
}
