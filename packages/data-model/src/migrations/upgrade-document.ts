import type { ArtifactUpgrade } from '@bankforge/rule-engine';
import { MigrationError } from './migration-registry.js';

/**
 * Runs a kind's up-migrations for the artifact-kind contract. Anything that is not a document of
 * the kind is answered unchanged: the schema describes what is wrong with it better than a
 * migration error would.
 */
export function upgradeDocument(
  kind: string,
  document: unknown,
  migrate: (document: unknown) => { document: unknown },
): ArtifactUpgrade {
  if (typeof document !== 'object' || document === null || (document as { kind?: unknown }).kind !== kind)
    return { document };
  try {
    return { document: migrate(document).document };
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    return {
      problems: [
        { path: '/schemaVersion', code: error.code, message: error.message, messageZh: error.messageZh },
      ],
    };
  }
}
