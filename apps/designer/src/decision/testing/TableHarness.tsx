import type { DecisionArtifact } from '@bankforge/rule-engine';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FeelEditorModeContext } from '../../form-designer/feel-editor/FeelEditor.js';
import { tableOf, withTable } from '../document/decision-document.js';
import { TableWorkspace } from '../page/TableWorkspace.js';
import { tierModel } from './tables.js';

/** The first decision's table workspace over a model held in state, as the page holds it in the editor. */
function Harness({ initial, onModel }: { initial: DecisionArtifact; onModel?(model: DecisionArtifact): void }) {
  const [artifact, setArtifact] = useState(initial);
  const set = (next: DecisionArtifact) => {
    setArtifact(next);
    onModel?.(next);
  };
  return (
    <TableWorkspace
      artifact={artifact}
      decision={0}
      table={tableOf(artifact, 0)!}
      problems={[]}
      onChange={(change) => set(withTable(artifact, 0, change))}
      latestVersion={null}
      onArtifactChange={set}
    />
  );
}

/** Renders the workspace (FEEL editors as plain text boxes: jsdom lays nothing out); the latest model is in `models.at(-1)`. */
export function openTable(model: DecisionArtifact = tierModel()) {
  const models: DecisionArtifact[] = [model];
  render(
    <FeelEditorModeContext.Provider value="plain">
      <Harness initial={model} onModel={(m) => models.push(m)} />
    </FeelEditorModeContext.Provider>,
  );
  return { user: userEvent.setup(), models };
}
