import type { ArtifactSummary, ConnectorChoice } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';
import { usePublishedEntities } from '../../report-designer/catalog/usePublishedEntities.js';

/** What an automation may name: published entities (with their fields), flows, decisions, calendars, and the connectors. */
export interface AutomationCatalog {
  loaded: boolean;
  failed: string | null;
  entities: ReadonlyMap<string, EntityDefinition>;
  flows: readonly ArtifactSummary[];
  decisions: readonly ArtifactSummary[];
  calendars: readonly ArtifactSummary[];
  /** The connectors to choose from (key and name, as designers are told them); null when the list was refused. */
  connectors: readonly ConnectorChoice[] | null;
}

const published = (list: ArtifactSummary[]) => list.filter((a) => a.latestVersion !== null);

export function useAutomationCatalog(): AutomationCatalog {
  const api = useApiClient();
  const entities = usePublishedEntities();
  const [rest, setRest] = useState<Omit<AutomationCatalog, 'entities' | 'loaded' | 'failed'> & { ready: boolean }>({
    ready: false,
    flows: [],
    decisions: [],
    calendars: [],
    connectors: null,
  });
  useEffect(() => {
    let live = true;
    // Each list on its own: one the analyst may not read leaves the others usable.
    const settle = <T,>(p: Promise<T>, fallback: T) => p.catch(() => fallback);
    void Promise.all([
      settle(api.listArtifacts('flow').then(published), []),
      settle(api.listArtifacts('decision').then(published), []),
      settle(api.listArtifacts('calendar').then(published), []),
      settle<ConnectorChoice[] | null>(api.connectorChoices(), null),
    ]).then(([flows, decisions, calendars, connectors]) => {
      if (live) setRest({ ready: true, flows, decisions, calendars, connectors });
    });
    return () => {
      live = false;
    };
  }, [api]);
  return {
    loaded: entities.status !== 'loading' && rest.ready,
    failed: entities.status === 'error' ? entities.error.detail || entities.error.title : null,
    entities: entities.status === 'ready' ? (entities.catalog as ReadonlyMap<string, EntityDefinition>) : new Map(),
    flows: rest.flows,
    decisions: rest.decisions,
    calendars: rest.calendars,
    connectors: rest.connectors,
  };
}
