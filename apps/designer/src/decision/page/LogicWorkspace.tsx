import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TabList, tabIds } from '../../shell/tabs/TabList.js';
import { DecisionSidePanels, useSidePanelTabs, type SidePanel } from './DecisionSidePanels.js';

const NO_ACTION = () => undefined;

export interface LogicWorkspaceProps {
  artifact: DecisionArtifact;
  /** The decision edited (-1: a knowledge model). */
  decision: number;
  /** The element's own editor (a literal expression, a context, a knowledge model). */
  children: ReactNode;
  latestVersion: number | null;
  /** Replaces the whole draft (test cases, a rollback). */
  onArtifactChange(next: DecisionArtifact): void;
}

/** An element that is not a table: its editor, and under it the Tests and Versions tabs the table's page has too. */
export function LogicWorkspace({ artifact, decision, children, latestVersion, onArtifactChange }: LogicWorkspaceProps) {
  const { t } = useTranslation('decisionDesigner');
  const [panel, setPanel] = useState<SidePanel>('test');
  const tabs = useSidePanelTabs();
  const ids = tabIds('decision', panel);
  return (
    <div className="dg-workspace">
      {children}
      <TabList label={t('panels.label')} prefix="decision" tabs={tabs} selected={panel} onSelect={setPanel} />
      <DecisionSidePanels
        panel={panel}
        ids={ids}
        artifact={artifact}
        decision={decision}
        latestVersion={latestVersion}
        onChange={onArtifactChange}
        // No table here: the tab's rule selections open the table they are in (its decision).
        onShowRule={NO_ACTION}
        onHighlightRules={NO_ACTION}
      />
    </div>
  );
}
