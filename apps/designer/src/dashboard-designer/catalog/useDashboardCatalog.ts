import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiClient, ApiProblem, ArtifactSummary } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { reportFields, type ReportDefinition } from '@bankforge/report-engine';
import { useCallback, useEffect, useState } from 'react';
import type { DashboardCatalog, PublishedReport } from '../model/catalog.js';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'ready'; catalog: DashboardCatalog; /** Reports with a draft only: named, since they cannot be added yet. */ unpublished: readonly ArtifactSummary[] }
  | { status: 'error'; error: ApiProblem };

const published = (list: readonly ArtifactSummary[]) => list.filter((s): s is ArtifactSummary & { latestVersion: number } => s.latestVersion !== null);

/**
 * The latest published version of every report and entity: what widgets show, which fields filters
 * may land on, and what a drill may open. Entities come whole (a drill may open any of them).
 */
export async function loadCatalog(api: ApiClient): Promise<{ catalog: DashboardCatalog; unpublished: ArtifactSummary[] }> {
  const [reports, entities] = await Promise.all([api.listArtifacts('report'), api.listArtifacts('entity')]);
  const [reportVersions, entityVersions] = await Promise.all([
    Promise.all(published(reports).map(async (s) => ({ version: s.latestVersion, definition: (await api.getVersion('report', s.key, s.latestVersion)).document as unknown as ReportDefinition }))),
    Promise.all(published(entities).map(async (s) => (await api.getVersion('entity', s.key, s.latestVersion)).document as unknown as EntityDefinition)),
  ]);
  const entityCatalog = new Map(entityVersions.map((e) => [e.key, e]));
  const byKey = new Map<string, PublishedReport>(
    reportVersions
      .sort((a, b) => a.definition.title.localeCompare(b.definition.title))
      .map(({ version, definition }) => [definition.key, { version, definition, fields: reportFields(definition, entityCatalog) }]),
  );
  return { catalog: { reports: byKey, entities: entityCatalog }, unpublished: reports.filter((s) => s.latestVersion === null) };
}

/** The catalog, loaded once per visit to the designer; `reload` asks again (a report published meanwhile). */
export function useDashboardCatalog(): { state: CatalogState; reload: () => void } {
  const api = useApiClient();
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let current = true;
    loadCatalog(api).then(
      (loaded) => current && setState({ status: 'ready', ...loaded }),
      (error: unknown) => current && setState({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, loads]);
  const reload = useCallback(() => setLoads((n) => n + 1), []);
  return { state, reload };
}
