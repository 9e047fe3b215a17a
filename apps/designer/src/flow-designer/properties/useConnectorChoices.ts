import type { ConnectorChoice } from '@bankforge/client';
import { useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';

/** The connectors a service step may call, by name; empty until loaded or when the list is refused. */
export function useConnectorChoices(): readonly ConnectorChoice[] {
  const api = useApiClient();
  const [choices, setChoices] = useState<readonly ConnectorChoice[]>([]);
  useEffect(() => {
    let live = true;
    api.connectorChoices().then(
      (list) => live && setChoices(list),
      () => live && setChoices([]),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return choices;
}
