import type { SqlPredicate } from '../access/data-scope.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

/** A purpose must be one the entity declares: consent for an undeclared purpose means nothing. */
export function checkPurpose(model: EntityModel, purpose: string, path: string): void {
  if (!(model.definition.consentPurposes ?? []).includes(purpose)) {
    throw ProblemError.invalid(`${model.key} declares no consent purpose ${purpose}.`, [
      { path, code: 'unknownPurpose', message: `must be one of: ${(model.definition.consentPurposes ?? []).join(', ') || '(none declared)'}` },
    ]);
  }
}

/** The rows whose customer has consented to the purpose and not withdrawn it. */
export function consentedPredicate(model: EntityModel, purpose: string, quote: (identifier: string) => string): SqlPredicate {
  return {
    sql: `EXISTS (SELECT 1 FROM bf_consent c WHERE c.entity_key = ? AND c.record_id = ${quote(model.table)}.${quote('id')} AND c.purpose = ? AND c.granted_at IS NOT NULL AND c.withdrawn_at IS NULL)`,
    params: [model.key, purpose],
  };
}
