import type { DocumentChange } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { changeKind, displayValue, readablePointer } from './describe-change.js';

function Value({ label, value }: { label: string; value: unknown }) {
  const { short, full } = displayValue(value);
  return (
    <div className="diff-value">
      <span className="diff-value-label">{label}</span> <code title={full}>{short}</code>
    </div>
  );
}

/** The changes between two versions, one list item per JSON-Pointer addressed change. */
export interface VersionDiffProps {
  from: number;
  to: number;
  changes: readonly DocumentChange[];
  /** The two versions' documents, when known: array items in paths are then named. */
  documents?: { from: unknown; to: unknown };
}

export function VersionDiff({ from, to, changes, documents }: VersionDiffProps) {
  const { t } = useTranslation('shell');
  return (
    <section className="version-diff" aria-label={t('versions.changesTitle', { from, to })}>
      <h3>{t('versions.changesTitle', { from, to })}</h3>
      {changes.length === 0 ? (
        <p>{t('versions.noChanges')}</p>
      ) : (
        <ul className="diff-list">
          {changes.map((change, i) => {
            const kind = changeKind(change);
            return (
              <li key={`${change.path}-${i}`} className={`diff-change diff-${kind}`}>
                <span className={`badge badge-${kind}`}>{t(`versions.${kind}`)}</span>{' '}
                <code className="diff-path" title={change.path}>{readablePointer(change.path, kind === 'added' ? documents?.to : documents?.from) || t('versions.document')}</code>
                {kind !== 'added' && <> <Value label={t('versions.before')} value={change.from} /></>}
                {kind !== 'removed' && <> <Value label={t('versions.after')} value={change.value} /></>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
