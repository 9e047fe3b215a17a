import type { ApiProblem, CaseMigrationPreview } from '@bankforge/client';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { useState, type ReactNode } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ArtifactEditor } from '../../shell/artifact-editor/index.js';
import { PublishFlowDialog } from './PublishFlowDialog.js';

export interface PublishFlow {
  /** What the Publish button does: save, look at the running cases, and ask only when some run on earlier versions. */
  start(): Promise<void>;
  /** The dialog, while it is open. */
  dialog: ReactNode;
}

type Asking = { preview: CaseMigrationPreview; problem?: undefined } | { preview?: undefined; problem: ApiProblem };

/**
 * Publishing a flow over running cases: the server's preview says which running cases could move
 * to the new version and which cannot; the analyst chooses to move the movable ones or leave them
 * all on their versions. With no case running on an earlier version, Publish publishes at once.
 */
export function usePublishFlow(editor: ArtifactEditor<FlowDefinition>, flowName: string): PublishFlow {
  const api = useApiClient();
  const [asking, setAsking] = useState<Asking | null>(null);

  const start = async () => {
    // The preview reads the stored draft: what is on screen is saved first.
    if (!(await editor.save())) return;
    try {
      const preview = await api.previewCaseMigration(editor.document.key);
      // Nothing to decide: no case runs on an earlier version, or none could move to the version the draft already is.
      if (preview.running === 0 || (!preview.draft && preview.movable === 0)) await editor.publish();
      else setAsking({ preview });
    } catch (error) {
      const problem = asProblem(error);
      // Whoever may not publish learns it from the publish itself, in the toolbar, as for every kind.
      if (problem.status === 403) await editor.publish();
      else setAsking({ problem });
    }
  };

  const dialog = asking && (
    <PublishFlowDialog
      flowKey={editor.document.key}
      flowName={flowName}
      {...(asking.preview ? { preview: asking.preview } : { problem: asking.problem })}
      publish={() => editor.publish()}
      onClose={() => setAsking(null)}
    />
  );
  return { start, dialog };
}
