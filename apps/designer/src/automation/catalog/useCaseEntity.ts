import { useApiClient } from '@bankforge/app-shell';
import type { ArtifactSummary } from '@bankforge/client';
import type { AutomationTrigger } from '@bankforge/flow-engine';
import { useEffect, useState } from 'react';

/**
 * The entity a case trigger's record is of: the chosen flow's (from its latest published version),
 * so the actions' field pickers know it; undefined for other triggers or a flow bound to none.
 */
export function useCaseEntity(trigger: AutomationTrigger, flows: readonly ArtifactSummary[]): string | undefined {
  const api = useApiClient();
  const flow = trigger.type === 'case' ? flows.find((f) => f.key === trigger.flow) : undefined;
  const key = flow?.key;
  const version = flow?.latestVersion ?? null;
  const [found, setFound] = useState<{ flow: string; entity: string | undefined } | null>(null);
  useEffect(() => {
    if (key === undefined || version === null) return;
    let live = true;
    api.getVersion('flow', key, version).then(
      ({ document }) => live && setFound({ flow: key, entity: typeof document.entity === 'string' ? document.entity : undefined }),
      () => live && setFound({ flow: key, entity: undefined }),
    );
    return () => {
      live = false;
    };
  }, [api, key, version]);
  return key !== undefined && found?.flow === key ? found.entity : undefined;
}
