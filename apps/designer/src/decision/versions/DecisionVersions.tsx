import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { VersionHistory, type VersionComparison } from '../../shell/VersionHistory.js';
import { diffDecisionTables } from './table-diff.js';
import { TableDiffView } from './TableDiffView.js';
import './versions.css';

export interface DecisionVersionsProps {
  /** The decision's key (`key` itself is React's own prop). */
  artifactKey: string;
  /** The editor's latest version: the list reloads when a publish changes it. */
  latestVersion: number | null;
  /** The draft replaced by an older version's document: the page records it, so it can be undone. */
  onChange(next: DecisionArtifact): void;
}

/**
 * A decision's published versions: the designers' one version history (who published each, every
 * change by element, "Restore as draft"), with the decision tables compared rule by rule and cell by
 * cell above the list of changes.
 */
export function DecisionVersions({ artifactKey, latestVersion, onChange }: DecisionVersionsProps) {
  const { t } = useTranslation('decisionVersions');
  return (
    <div className="dv-versions">
      <VersionHistory
        kind="decision"
        artifactKey={artifactKey}
        latestVersion={latestVersion}
        onRestore={(document) => onChange(document as unknown as DecisionArtifact)}
        comparisonView={(comparison) => <DecisionTablesDiff comparison={comparison} />}
        changesSummary={t('allChanges')}
      />
    </div>
  );
}

function DecisionTablesDiff({ comparison }: { comparison: VersionComparison }) {
  const { t } = useTranslation('decisionVersions');
  const id = useId();
  const { from, to, documents } = comparison;
  const tables = useMemo(() => diffDecisionTables(documents.from as unknown as DecisionArtifact, documents.to as unknown as DecisionArtifact), [documents]);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('tablesTitle', { from, to })}</h3>
      <TableDiffView diffs={tables} />
    </section>
  );
}
