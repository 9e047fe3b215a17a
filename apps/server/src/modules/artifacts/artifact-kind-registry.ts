import { Inject, Injectable } from '@nestjs/common';
import { automationKind, calendarKind, flowKind } from '@bankforge/flow-engine';
import { entityKind, type EntityDefinition } from '@bankforge/data-model';
import { entitiesOfForm, formElements, formKind, type FormDefinition } from '@bankforge/form-engine';
import { dashboardKind, reportKind } from '@bankforge/report-engine';
import { decisionKind } from '@bankforge/rule-engine';
import { Ajv, type ValidateFunction } from 'ajv';
import { decisionTestsOnPublish } from '../decisions/decision-tests-rule.js';
import { FormCatalog } from '../forms/form-catalog.js';
import { entityLimitProblems } from '../metadata/entity-limits.js';
import { MetadataService } from '../metadata/metadata.service.js';
import type { ProblemFieldError } from '../../platform/problem/problem-error.js';
import { reportFilterDepthProblems } from '../../platform/request-validation/filter-depth.js';
import { appKind } from './app-kind.js';
import { ARTIFACT_KINDS, type ArtifactKind } from './artifact-kinds.js';
import { artifactSchemaProblems } from './schema-problems.js';
import { serverKind, type ServerArtifactKind, type ServerCheckContext } from './server-kind.js';

/**
 * The artifact kinds the server knows: the engines' kinds, with the server's own rules added where
 * it has some (an entity's table limits, a report filter's depth, one default form per entity),
 * and the server's own `app` kind. Saving and publishing go through here for every kind alike.
 */
@Injectable()
export class ArtifactKindRegistry {
  private readonly kinds = new Map<
    ArtifactKind,
    { definition: ServerArtifactKind; validate: ValidateFunction }
  >();

  constructor(@Inject(MetadataService) metadata: MetadataService, @Inject(FormCatalog) forms: FormCatalog) {
    this.register([
      {
        // The entity's table must fit the databases' limits: the engine knows nothing of tables.
        ...serverKind(entityKind, { after: entityLimitProblems }),
        applyPublish: async (sql, document, confirmDataLoss, by) => ({
          migration: await metadata.migrate(sql, document as EntityDefinition, confirmDataLoss, by.userId),
        }),
        plan: async (sql, document) => (await metadata.plan(sql, document as EntityDefinition)).plan,
      },
      {
        ...serverKind(formKind, {
          after: (document, context) =>
            context.stage === 'publish'
              ? forms.defaultFormProblems(context.sql, document as FormDefinition)
              : [],
        }),
        // A form names its fields by its entities' labels: versions are compared with them.
        namedElements: async (sql, document) => {
          const form = document as FormDefinition;
          const entities: Record<string, EntityDefinition> = {};
          for (const key of entitiesOfForm(form)) {
            const entity = (await metadata.publishedEntity(sql, key))?.definition;
            if (entity) entities[key] = entity;
          }
          return formElements(form, entities);
        },
      },
      serverKind(flowKind),
      // A decision is published only when its test cases pass.
      serverKind(decisionKind, { after: decisionTestsOnPublish }),
      serverKind(calendarKind),
      serverKind(automationKind),
      // A filter's depth is the server's limit, checked before the report engine walks the filters.
      serverKind(reportKind, { before: reportFilterDepthProblems }),
      serverKind(dashboardKind),
      appKind,
    ]);
  }

  private register(definitions: readonly ServerArtifactKind[]): void {
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const definition of definitions)
      this.kinds.set(definition.kind, { definition, validate: ajv.compile(definition.schema) });
    const missing = ARTIFACT_KINDS.filter((kind) => !this.kinds.has(kind));
    if (missing.length > 0) throw new Error(`No artifact kind is registered for ${missing.join(', ')}`);
  }

  kind(kind: ArtifactKind): ServerArtifactKind {
    return this.kinds.get(kind)!.definition;
  }

  /**
   * A document brought to its kind's current format and what is wrong with it: the kind's schema,
   * then, when the document matches it, the kind's check.
   */
  async examine(
    kind: ArtifactKind,
    document: unknown,
    context: ServerCheckContext,
  ): Promise<{ document: unknown; problems: ProblemFieldError[] }> {
    const { definition, validate } = this.kinds.get(kind)!;
    const upgraded = definition.upgrade(document);
    if (upgraded.problems) return { document, problems: [...upgraded.problems] };
    if (!validate(upgraded.document))
      return { document: upgraded.document, problems: artifactSchemaProblems(validate.errors ?? []) };
    return {
      document: upgraded.document,
      problems: [...(await definition.check(upgraded.document, context))],
    };
  }
}
