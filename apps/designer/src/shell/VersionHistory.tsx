import type { ApiProblem, ArtifactKind, ArtifactVersionSummary, DocumentChange } from '@bankforge/client';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { VersionDiff } from './versions/VersionDiff.js';

export interface VersionHistoryProps {
  kind: ArtifactKind;
  /** The artifact's key (`key` itself is React's own prop). */
  artifactKey: string;
  /** The editor's latest version: the list reloads when a publish changes it. */
  latestVersion?: number | null;
}

interface Comparison {
  from: number;
  to: number;
  changes: DocumentChange[];
  documents: { from: unknown; to: unknown };
}

/** The published versions of an artifact (number, date, publisher) and what changed between any two. */
export function VersionHistory({ kind, artifactKey, latestVersion }: VersionHistoryProps) {
  const { t, i18n } = useTranslation('shell');
  const api = useApiClient();
  const id = useId();
  const [versions, setVersions] = useState<ArtifactVersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiProblem | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<ApiProblem | null>(null);

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
      // The documents name the fields and nodes that the change paths only number.
      const [diff, before, after] = await Promise.all([
        api.diff(kind, artifactKey, from, to),
        api.getVersion(kind, artifactKey, from),
        api.getVersion(kind, artifactKey, to),
      ]);
      setComparison({ ...diff, documents: { from: before.document, to: after.document } });
    } catch (error) {
      setCompareError(asProblem(error));
    } finally {
      setComparing(false);
    }
  };

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const headingId = `${id}-heading`;

  return (
    <section className="version-history" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('versions.title')}</h2>
      {loadError && <p role="alert" className="error-text">{t('versions.loadFailed', { message: loadError.detail || loadError.title })}</p>}
      {versions === null && !loadError && <p role="status">{t('loading')}</p>}
      {versions?.length === 0 && <p>{t('versions.none')}</p>}
      {versions !== null && versions.length > 0 && (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('versions.version')}</th>
                <th scope="col">{t('versions.publishedAt')}</th>
                <th scope="col">{t('versions.publishedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td>{v.publishedAt ? <time dateTime={v.publishedAt}>{date.format(new Date(v.publishedAt))}</time> : ''}</td>
                  <td>{v.publishedBy ?? t('versions.unknownUser')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="inline-form" onSubmit={(e) => void compare(e)}>
            <VersionSelect label={t('versions.from')} versions={versions} value={from} onChange={setFrom} />
            <VersionSelect label={t('versions.to')} versions={versions} value={to} onChange={setTo} />
            <button type="submit" disabled={comparing || from === null || to === null}>
              {comparing ? t('versions.comparing') : t('versions.compare')}
            </button>
          </form>
          {compareError && <p role="alert" className="error-text">{compareError.detail || compareError.title}</p>}
          {comparison && <VersionDiff {...comparison} />}
        </>
      )}
    </section>
  );
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
