import type { ApiProblem, ArtifactDocument, ArtifactKind, ArtifactVersionSummary, DocumentChange } from '@bankforge/client';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ArtifactEditor, EditableArtifact } from './artifact-editor/index.js';
import { RestoreVersionDialog } from './versions/RestoreVersionDialog.js';
import { VersionDiff } from './versions/VersionDiff.js';
import { VersionTable } from './versions/VersionTable.js';
import './versions/versions.css';

/** Two versions compared: the server's changes and both documents (for a view that draws them, such as a flow's canvas). */
export interface VersionComparison {
  from: number;
  to: number;
  changes: DocumentChange[];
  documents: { from: ArtifactDocument; to: ArtifactDocument };
}

export interface VersionHistoryProps {
  kind: ArtifactKind;
  /** The artifact's key (`key` itself is React's own prop). */
  artifactKey: string;
  /** The editor's latest version: the list reloads when a publish changes it. */
  latestVersion?: number | null;
  /** Takes a version's document as the draft (after the analyst confirms); without it, no version is offered for restoring. */
  onRestore?: (document: ArtifactDocument) => void;
  /** What a comparison shows above its list of changes (a decision's tables, a flow drawn on its canvas). */
  comparisonView?: (comparison: VersionComparison) => ReactNode;
  /** The list of changes folded under a summary (when the view above says it all for most readers). */
  changesSummary?: string;
}

/**
 * The published versions of an artifact (number, date, who published it), what changed between any
 * two of them, element by element with their names, and "Restore as draft" for any of them: the one
 * version history of every designer.
 */
export function VersionHistory({ kind, artifactKey, latestVersion, onRestore, comparisonView, changesSummary }: VersionHistoryProps) {
  const { t } = useTranslation('shell');
  const api = useApiClient();
  const id = useId();
  const [versions, setVersions] = useState<ArtifactVersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiProblem | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [comparison, setComparison] = useState<VersionComparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<ApiProblem | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [restored, setRestored] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new artifact or version clears the last load error before asking again
    setLoadError(null);
    api.versions(kind, artifactKey).then(
      (list) => {
        if (!current) return;
        const newestFirst = [...list].sort((a, b) => b.version - a.version);
        setVersions(newestFirst);
        // By default compare the latest version with the one before it.
        setTo(newestFirst[0]?.version ?? null);
        setFrom(newestFirst[1]?.version ?? newestFirst[0]?.version ?? null);
      },
      (error: unknown) => {
        if (!current) return;
        // A never-saved artifact has no versions yet: that is an empty history, not a failure.
        const problem = asProblem(error);
        if (problem.status === 404) setVersions([]);
        else setLoadError(problem);
      },
    );
    return () => {
      current = false;
    };
  }, [api, kind, artifactKey, latestVersion]);

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    if (from === null || to === null) return;
    setComparing(true);
    setCompareError(null);
    try {
      const [diff, before, after] = await Promise.all([api.diff(kind, artifactKey, from, to), api.getVersion(kind, artifactKey, from), api.getVersion(kind, artifactKey, to)]);
      setComparison({ ...diff, documents: { from: before.document, to: after.document } });
    } catch (error) {
      setCompareError(asProblem(error));
    } finally {
      setComparing(false);
    }
  };

  const headingId = `${id}-heading`;
  const changes = comparison && <VersionDiff from={comparison.from} to={comparison.to} changes={comparison.changes} />;
  return (
    <section className="version-history" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('versions.title')}</h2>
      {loadError && <p role="alert" className="error-text">{t('versions.loadFailed', { message: loadError.detail || loadError.title })}</p>}
      {versions === null && !loadError && <p role="status">{t('loading')}</p>}
      {versions?.length === 0 && <p>{t('versions.none')}</p>}
      <p role="status" className="version-restored">{restored !== null ? t('versions.restored', { version: restored }) : ''}</p>
      {versions !== null && versions.length > 0 && (
        <>
          <VersionTable versions={versions} {...(onRestore ? { onRestore: setRestoring } : {})} />
          <form className="inline-form" onSubmit={(e) => void compare(e)}>
            <VersionSelect label={t('versions.from')} versions={versions} value={from} onChange={setFrom} />
            <VersionSelect label={t('versions.to')} versions={versions} value={to} onChange={setTo} />
            <button type="submit" disabled={comparing || from === null || to === null}>
              {comparing ? t('versions.comparing') : t('versions.compare')}
            </button>
          </form>
          {compareError && <p role="alert" className="error-text">{compareError.detail || compareError.title}</p>}
          {comparison && comparisonView?.(comparison)}
          {changes &&
            (changesSummary ? (
              <details>
                <summary>{changesSummary}</summary>
                {changes}
              </details>
            ) : (
              changes
            ))}
        </>
      )}
      {restoring !== null && onRestore && (
        <RestoreVersionDialog
          kind={kind}
          artifactKey={artifactKey}
          version={restoring}
          onRestore={(document) => {
            onRestore(document);
            setRestored(restoring);
            setRestoring(null);
          }}
          onClose={() => setRestoring(null)}
        />
      )}
    </section>
  );
}

/** "Restore as draft" for an artifact editor: the version's document replaces the draft as one step Undo takes back. */
export function restoreInto<D extends EditableArtifact>(editor: Pick<ArtifactEditor<D>, 'update'>): (document: ArtifactDocument) => void {
  return (document) => editor.update(() => document as unknown as D);
}

function VersionSelect(props: { label: string; versions: readonly ArtifactVersionSummary[]; value: number | null; onChange: (version: number) => void }) {
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
