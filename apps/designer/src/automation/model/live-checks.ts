import type { ProblemFieldError } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { automationEntities, automationFieldProblems, automationProblems } from '@bankforge/flow-engine';
import type { AutomationDocument } from './automation-document.js';

/**
 * The flow engine's own check of the draft, as the server runs it on publish, run in the browser
 * as the analyst edits: colliding ids, FEEL that does not compile, durations, times and zones, actions
 * on a record the trigger never has, and (once the published entities are loaded) unknown fields
 * and tag options. The schema's checks (a value left empty) stay the server's, on save.
 */
export function liveProblems(automation: AutomationDocument, entities: ReadonlyMap<string, EntityDefinition>, loaded: boolean): ProblemFieldError[] {
  const { identity, rest } = automationProblems(automation);
  const found: ProblemFieldError[] = [...identity, ...rest];
  if (found.length > 0 || !loaded) return found;
  // Entities not published are the engine's to report: only those the catalog holds are passed.
  const named = new Map<string, EntityDefinition>();
  for (const key of automationEntities(automation)) {
    const entity = entities.get(key);
    if (entity) named.set(key, entity);
  }
  return automationFieldProblems(automation, named);
}

/** The draft's own problems and the server's last answer, each said once. */
export function mergeProblems(local: readonly ProblemFieldError[], server: readonly ProblemFieldError[]): ProblemFieldError[] {
  const seen = new Set(local.map((p) => `${p.path} ${p.code}`));
  return [...local, ...server.filter((p) => !seen.has(`${p.path} ${p.code}`))];
}
