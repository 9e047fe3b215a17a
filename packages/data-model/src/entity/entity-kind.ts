/** The `entity` artifact kind: its schema, up-migrations, `validateEntityDefinition` as its check and its fields as its elements. */
import type { ArtifactKindDefinition } from '@bankforge/rule-engine';
import { entityArtifactSchema } from './entity-artifact-schema.js';
import type { EntityDefinition } from './entity-definition.js';
import { entityElements } from './entity-elements.js';
import { validateEntityDefinition } from './validate-entity-definition.js';
import { migrateEntityDocument } from './entity-migrations.js';
import { upgradeDocument } from '../migrations/upgrade-document.js';

export const entityKind: ArtifactKindDefinition<EntityDefinition> = {
  kind: 'entity',
  schema: entityArtifactSchema,
  upgrade: (document) => upgradeDocument('entity', document, migrateEntityDocument),
  check: (entity) => Promise.resolve(validateEntityDefinition(entity)),
  elements: entityElements,
};
