import type { DecisionArtifact, MatchedRules } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Tab } from '../../shell/tabs/TabList.js';
import { DecisionBacktest } from '../test-panel/backtest/DecisionBacktest.js';
import { DecisionTestPanel } from '../test-panel/DecisionTestPanel.js';
import type { RuleSelection } from '../test-panel/RuleCoverage.js';
import { DecisionVersions } from '../versions/DecisionVersions.js';

export type SidePanel = 'test' | 'versions';

/** The side panels' tabs, for the panels' tab list beside "Rules". */
export function useSidePanelTabs(): Tab<SidePanel>[] {
  const tests = useTranslation('decisionTests').t;
  const versions = useTranslation('decisionVersions').t;
  return [
    { id: 'test', label: tests('tab') },
    { id: 'versions', label: versions('tab') },
  ];
}

export interface DecisionSidePanelsProps {
  /** The panels' selected tab: a side panel shows when it is one of theirs. */
  panel: string;
  /** The selected tab's and its panel's element ids. */
  ids: { tab: string; panel: string };
  artifact: DecisionArtifact;
  /** The decision whose table the grid shows. */
  decision: number;
  latestVersion: number | null;
  /** A changed draft (test cases, a rollback), recorded by the editor for undo. */
  onChange(next: DecisionArtifact): void;
  /** Puts the grid's cursor on a rule of the table it shows. */
  onShowRule(index: number): void;
  /** The rules of the table shown that the Tests tab's evaluation matched (empty: none), for the grid to highlight. */
  onHighlightRules(indexes: readonly number[]): void;
}

/** The slot under the grid beside "Rules": the Test panel (with the backtest) and the Versions panel. */
export function DecisionSidePanels({
  panel,
  ids,
  artifact,
  decision,
  latestVersion,
  onChange,
  onShowRule,
  onHighlightRules,
}: DecisionSidePanelsProps) {
  if (panel !== 'test' && panel !== 'versions') return null;
  return (
    <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
      {panel === 'test' ? (
        <TestTab artifact={artifact} decision={decision} onChange={onChange} onShowRule={onShowRule} onHighlightRules={onHighlightRules} />
      ) : (
        <DecisionVersions artifactKey={artifact.key} latestVersion={latestVersion} onChange={onChange} />
      )}
    </section>
  );
}

function TestTab({
  artifact,
  decision,
  onChange,
  onShowRule,
  onHighlightRules,
}: Pick<DecisionSidePanelsProps, 'artifact' | 'decision' | 'onChange' | 'onShowRule' | 'onHighlightRules'>) {
  const [, setSearch] = useSearchParams();
  // Unreached rules of the table shown get the cursor; those of another decision's table open it (the page's `?decision=`).
  const selectRules = (selection: RuleSelection) => {
    const first = selection.rules[0];
    if (selection.path === `/decisions/${decision}/logic`) {
      if (first) onShowRule(first.index);
    } else if (artifact.decisions.some((d) => d.name === selection.element)) {
      setSearch({ decision: selection.element }, { replace: true });
    }
  };
  return (
    <>
      <DecisionTestPanel
        artifact={artifact}
        onChange={onChange}
        onHighlight={(matched) => onHighlightRules(rulesMatchedBy(matched, artifact.decisions[decision]?.name))}
        onSelectRules={selectRules}
      />
      <DecisionBacktest artifact={artifact} />
    </>
  );
}

/** The rules a table matched, in rule order: a table evaluated more than once (a BKM called twice) counts every time. */
export function rulesMatchedBy(matched: readonly MatchedRules[], element: string | undefined): number[] {
  const rules = new Set(matched.filter((m) => m.table === element).flatMap((m) => m.matchedRules));
  return [...rules].sort((a, b) => a - b);
}
