/**
 * The `form` artifact kind: its schema and up-migrations; its check compiles the form against the
 * published entities it edits (its own and its repeating groups'), on publish only, since a draft
 * form may be drawn for a draft entity.
 */
import type { ArtifactCheckContext, ArtifactKindDefinition, ArtifactProblem } from '@bankforge/rule-engine';
import type { EntityDefinition } from '@bankforge/data-model';
import { compileForm } from '../form/compile-form.js';
import { formElements } from './form-elements.js';
import type { FormDefinition } from '../form/form-definition.js';
import { formArtifactSchema } from '../form/form-schema.js';
import { repeatingGroups } from '../form/layout-groups.js';
import { migrateFormDocument } from '../form/migrations/form-migrations.js';
import { upgradeDocument } from '@bankforge/data-model';

/** What a form's check asks its host. */
export interface FormCheckContext extends ArtifactCheckContext {
  /** The latest published version of an entity, or undefined. */
  entity(key: string): Promise<EntityDefinition | undefined>;
  /** The step budget evaluations will have (compileForm's `stepBudget`), to warn of loops it will stop. */
  readonly feelStepBudget?: number;
}

/** The entity keys a form reads: its own entity and each repeating group's. */
export function entitiesOfForm(form: FormDefinition): string[] {
  return [...new Set([form.entity, ...repeatingGroups(form.layout).map((g) => g.entity)])];
}

export const formKind: ArtifactKindDefinition<FormDefinition, FormCheckContext> = {
  kind: 'form',
  schema: formArtifactSchema,
  upgrade: (document) => upgradeDocument('form', document, migrateFormDocument),
  async check(form, context) {
    if (context.stage === 'save') return [];
    const entities: Record<string, EntityDefinition> = {};
    for (const key of entitiesOfForm(form)) {
      const entity = await context.entity(key);
      if (entity) entities[key] = entity;
    }
    if (!entities[form.entity])
      return [
        {
          path: '/entity',
          code: 'entityNotPublished',
          message: `entity ${form.entity} is not published`,
          messageZh: `实体 ${form.entity} 尚未发布`,
        },
      ];
    const compiled = compileForm(
      form,
      entities,
      context.feelStepBudget === undefined ? {} : { stepBudget: context.feelStepBudget },
    );
    for (const warning of compiled.warnings ?? []) context.warn(warning);
    const problems: readonly ArtifactProblem[] = compiled.errors;
    return problems;
  },
  elements: (form) => formElements(form),
};
