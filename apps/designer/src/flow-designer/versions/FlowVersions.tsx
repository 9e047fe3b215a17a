import type { FlowDefinition } from '@bankforge/flow-engine';
import type { ArtifactEditor } from '../../shell/artifact-editor/index.js';
import { restoreInto, VersionHistory } from '../../shell/VersionHistory.js';
import type { DesignerLanguage } from '../document/names.js';
import { FlowDiffCanvas } from './FlowDiffCanvas.js';

export interface FlowVersionsProps {
  editor: Pick<ArtifactEditor<FlowDefinition>, 'update' | 'latestVersion' | 'document'>;
  language: DesignerLanguage;
}

/** The flow's versions: every designer's version history, with two versions compared drawn on the canvas. */
export function FlowVersions({ editor, language }: FlowVersionsProps) {
  return (
    <VersionHistory
      kind="flow"
      artifactKey={editor.document.key}
      latestVersion={editor.latestVersion}
      onRestore={restoreInto(editor)}
      comparisonView={(comparison) => <FlowDiffCanvas comparison={comparison} language={language} />}
    />
  );
}
