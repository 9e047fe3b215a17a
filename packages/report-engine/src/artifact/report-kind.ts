/**
 * The `report` artifact kind: its schema, and `validateReport` against the published entities as its
 * check on publish (a draft may read fields its entity's draft is still gaining).
 */
import type { EntityDefinition } from '@bankforge/data-model';
import type { ArtifactCheckContext, ArtifactKindDefinition } from '@bankforge/rule-engine';
import { unchangedDocument } from '@bankforge/rule-engine';
import { collectEntities } from '../model/entity-catalog.js';
import { validateReport } from '../sql/compile-report.js';
import { reportArtifactSchema } from './report-artifact-schema.js';
import { reportElements } from './report-elements.js';
import type { ReportDefinition } from './report-definition.js';

/** What a report's check asks its host. */
export interface ReportCheckContext extends ArtifactCheckContext {
  /** The latest published version of an entity, or undefined. */
  entity(key: string): Promise<EntityDefinition | undefined>;
}

export const reportKind: ArtifactKindDefinition<ReportDefinition, ReportCheckContext> = {
  kind: 'report',
  schema: reportArtifactSchema,
  upgrade: unchangedDocument,
  async check(report, context) {
    if (context.stage === 'save') return [];
    return validateReport(report, await collectEntities(report, (key) => context.entity(key)));
  },
  elements: reportElements,
};
