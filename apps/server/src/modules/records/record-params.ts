import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { ProblemError } from '../../platform/problem/problem-error.js';

const ID = /^[0-9a-zA-Z-]{1,36}$/;
const ENTITY_KEY = new RegExp(IDENTIFIER_PATTERN);

/** Entity keys are identifiers; anything else names no entity (MySQL would ignore a trailing space). */
export function parseEntity(entity: string): string {
  if (ENTITY_KEY.test(entity)) return entity;
  throw ProblemError.notFound('entityNotFound', 'No published entity has this name.');
}

export function parseId(id: string): string {
  if (ID.test(id)) return id;
  throw ProblemError.notFound('recordNotFound', 'There is no record with this id.');
}

/** `?form=` names a form by its key; absent means the entity's default form. */
export function parseForm(form: string | undefined): string | undefined {
  if (form === undefined || ENTITY_KEY.test(form)) return form;
  throw ProblemError.badRequest('invalidParameter', 'form must be the key of a published form.', [{ path: 'form', code: 'pattern', message: `must match ${IDENTIFIER_PATTERN}` }]);
}
