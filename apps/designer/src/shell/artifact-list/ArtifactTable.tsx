import type { ArtifactSummary } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { artifactTitle } from '../artifact-title.js';
import { StateBadge } from '../publish/StateBadge.js';
import { designerPath } from './artifact-kinds.js';

/** One row per artifact: its name in the reader's language (a link to its designer when there is one), key, state, latest version, updated. */
export function ArtifactTable({ items, caption }: { items: readonly ArtifactSummary[]; caption: string }) {
  const { t, i18n } = useTranslation('shell');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.columns.title')}</th>
          <th scope="col">{t('list.columns.key')}</th>
          <th scope="col">{t('list.columns.state')}</th>
          <th scope="col">{t('list.columns.latestVersion')}</th>
          <th scope="col">{t('list.columns.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const path = designerPath(item.kind, item.key);
          const title = artifactTitle(item, i18n.language);
          return (
            <tr key={item.key}>
              <th scope="row">{path ? <Link to={path}>{title}</Link> : title}</th>
              <td>
                <code>{item.key}</code>
              </td>
              <td>
                <StateBadge state={item.state} latestVersion={item.latestVersion} />
              </td>
              <td>{item.latestVersion === null ? t('list.noVersion') : `v${item.latestVersion}`}</td>
              <td>{item.updatedAt ? <time dateTime={item.updatedAt}>{date.format(new Date(item.updatedAt))}</time> : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
