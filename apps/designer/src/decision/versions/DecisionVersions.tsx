import type { ApiProblem, ArtifactVersionSummary, DocumentChange } from '@bankforge/client';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { VersionDiff } from '../../shell/versions/VersionDiff.js';
import { RollbackDialog } from './RollbackDialog.js';
import { diffDecisionTables, type TableDiff } from './table-diff.js';
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

interface Comparison {
  from: number;
  to: number;
  tables: TableDiff[];
  changes: DocumentChange[];
  documents: { from: unknown; to: unknown };
}

/**
 * A decision's published versions: who published each and when, what changed between two of them
 * rule by rule and cell by cell, and a rollback that takes an old version as the draft.
 */
export function DecisionVersions({ artifactKey, latestVersion, onChange }: DecisionVersionsProps) {
  const { t, i18n } = useTranslation('decisionVersions');
  const shell = useTranslation('shell').t;
  const api = useApiClient();
  const id = useId();
  const [versions, setVersions] = useState<ArtifactVersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiProblem | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<ApiProblem | null>(null);
  const [rollingBack, setRollingBack] = useState<number | null>(null);
  const [rolledBack, setRolledBack] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new decision or version clears the last load error before asking again
    setLoadError(null);
    api.versions('decision', artifactKey).then(
      (list) => {
        if (!current) return;
        const newestFirst = [...list].sort((a, b) => b.version - a.version);
        setVersions(newestFirst);
        setTo(newestFirst[0]?.version ?? null);
        setFrom(newestFirst[1]?.version ?? newestFirst[0]?.version ?? null);
      },
      (error: unknown) => {
        if (!current) return;
        // A decision never saved has no versions: an empty history, not a failure.
        const problem = asProblem(error);
        if (problem.status === 404) setVersions([]);
        else setLoadError(problem);
      },
    );
    return () => {
      current = false;
    };
  }, [api, artifactKey, latestVersion]);

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    if (from === null || to === null) return;
    setComparing(true);
    setCompareError(null);
    try {
      const [diff, before, after] = await Promise.all([
        api.diff('decision', artifactKey, from, to),
        api.getVersion('decision', artifactKey, from),
        api.getVersion('decision', artifactKey, to),
      ]);
      const tables = diffDecisionTables(
        before.document as unknown as DecisionArtifact,
        after.document as unknown as DecisionArtifact,
      );
      setComparison({
        from,
        to,
        tables,
        changes: diff.changes,
        documents: { from: before.document, to: after.document },
      });
    } catch (error) {
      setCompareError(asProblem(error));
    } finally {
      setComparing(false);
    }
  };

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const headingId = `${id}-heading`;

  return (
    <section className="dv-versions" aria-labelledby={headingId}>
      <h2 id={headingId}>{shell('versions.title')}</h2>
      {loadError && (
        <p role="alert" className="error-text">
          {shell('versions.loadFailed', { message: loadError.detail || loadError.title })}
        </p>
      )}
      {versions === null && !loadError && <p role="status">{shell('loading')}</p>}
      {versions?.length === 0 && <p>{shell('versions.none')}</p>}
      <p role="status">{rolledBack !== null ? t('rolledBack', { version: rolledBack }) : ''}</p>
      {versions !== null && versions.length > 0 && (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{shell('versions.version')}</th>
                <th scope="col">{shell('versions.publishedAt')}</th>
                <th scope="col">{shell('versions.publishedBy')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td>
                    {v.publishedAt ? (
                      <time dateTime={v.publishedAt}>{date.format(new Date(v.publishedAt))}</time>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>{v.publishedBy ?? shell('versions.unknownUser')}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setRollingBack(v.version)}
                      aria-label={t('rollbackTo', { version: v.version })}
                    >
                      {t('rollback')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="inline-form" onSubmit={(e) => void compare(e)}>
            <VersionSelect
              label={shell('versions.from')}
              versions={versions}
              value={from}
              onChange={setFrom}
            />
            <VersionSelect label={shell('versions.to')} versions={versions} value={to} onChange={setTo} />
            <button type="submit" disabled={comparing || from === null || to === null}>
              {comparing ? shell('versions.comparing') : shell('versions.compare')}
            </button>
          </form>
          {compareError && (
            <p role="alert" className="error-text">
              {compareError.detail || compareError.title}
            </p>
          )}
          {comparison && (
            <>
              <section aria-labelledby={`${id}-tables`}>
                <h3 id={`${id}-tables`}>{t('tablesTitle', { from: comparison.from, to: comparison.to })}</h3>
                <TableDiffView diffs={comparison.tables} />
              </section>
              <details>
                <summary>{t('allChanges')}</summary>
                <VersionDiff
                  from={comparison.from}
                  to={comparison.to}
                  changes={comparison.changes}
                  documents={comparison.documents}
                />
              </details>
            </>
          )}
        </>
      )}
      {rollingBack !== null && (
        <RollbackDialog
          artifactKey={artifactKey}
          version={rollingBack}
          onRolledBack={(next) => {
            onChange(next);
            setRolledBack(rollingBack);
            setRollingBack(null);
          }}
          onClose={() => setRollingBack(null)}
        />
      )}
    </section>
  );
}

function VersionSelect(props: {
  label: string;
  versions: readonly ArtifactVersionSummary[];
  value: number | null;
  onChange: (version: number) => void;
}) {
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.versions.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
          </option>
        ))}
      </select>
    </span>
  );
}
