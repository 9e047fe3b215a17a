import type { ArtifactVersionSummary } from '@bankforge/client';
import { useTranslation } from 'react-i18next';

export interface VersionTableProps {
  /** Newest first. */
  versions: readonly ArtifactVersionSummary[];
  /** Offers "Restore as draft" on each version when given. */
  onRestore?: (version: number) => void;
}

/**
 * Who published each version and when, by name (their username beside it), with a restore button per
 * version. A version without a publisher was published by the server itself (the example, an import at start).
 */
export function VersionTable({ versions, onRestore }: VersionTableProps) {
  const { t, i18n } = useTranslation('shell');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="data-table version-table">
      <thead>
        <tr>
          <th scope="col">{t('versions.version')}</th>
          <th scope="col">{t('versions.publishedAt')}</th>
          <th scope="col">{t('versions.publishedBy')}</th>
          {onRestore && <th scope="col">{t('versions.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version}>
            <td>v{v.version}</td>
            <td>{v.publishedAt ? <time dateTime={v.publishedAt}>{date.format(new Date(v.publishedAt))}</time> : ''}</td>
            <td>
              {v.publisher ? (
                <>
                  {v.publisher.name}
                  {v.publisher.name !== v.publisher.username && <span className="version-publisher-username"> ({v.publisher.username})</span>}
                </>
              ) : (
                t('versions.serverPublisher')
              )}
            </td>
            {onRestore && (
              <td>
                <button type="button" onClick={() => onRestore(v.version)} aria-label={t('versions.restoreLabel', { version: v.version })}>
                  {t('versions.restore')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
