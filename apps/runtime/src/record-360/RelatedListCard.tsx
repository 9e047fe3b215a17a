import type { Language } from '@bankforge/app-shell';
import type { RelatedListOverview } from '@bankforge/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatValue } from '../entity-list/format/format-value.js';
import { localize } from './figure-text.js';
import { relatedListUrl, newRelatedUrl } from './related-urls.js';

export interface RelatedListCardProps {
  app: string;
  recordId: string;
  list: RelatedListOverview;
  language: Language;
}

/**
 * One relation of the record: how many records the reader may read, the newest of them by title
 * with the list's columns, "View all" (the entity's list filtered to this record) and "Add".
 */
export function RelatedListCard({ app, recordId, list, language }: RelatedListCardProps) {
  const { t } = useTranslation('record360');
  const { t: tl } = useTranslation('list');
  const titleId = useId();
  const label = localize(list.label, language);
  const entityLabel = localize(list.entityLabel, language);
  const words = { language, yes: tl('yes'), no: tl('no') };
  return (
    <section className="r360-card r360-related" aria-labelledby={titleId}>
      <div className="r360-card-head">
        <h2 id={titleId}>
          {label} <span className="r360-count">{list.total}</span>
        </h2>
        {list.canCreate && (
          <Link className="r360-action" to={newRelatedUrl(app, list.entity, list.via, recordId)}>
            {t('related.add', { entity: entityLabel })}
          </Link>
        )}
      </div>
      {list.rows.length === 0 ? (
        <p className="muted">{t('related.none')}</p>
      ) : (
        <ul className="r360-rows">
          {list.rows.map((row) => {
            const cells = list.columns.map((field) => formatValue(row.values[field.key], field, words)).filter((text) => text !== '');
            const title = row.title || cells[0] || entityLabel;
            return (
              <li key={row.id}>
                <Link to={`/${app}/${list.entity}/${encodeURIComponent(row.id)}`}>{title}</Link>
                {cells.length > 0 && <span className="r360-cells">{cells.join(' · ')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {list.total > 0 && (
        <p className="r360-card-foot">
          {list.total > list.rows.length && <span className="muted">{t('related.more', { shown: list.rows.length, count: list.total })} </span>}
          <Link to={relatedListUrl(app, list.entity, list.via, recordId)}>{t('related.viewAll', { label, count: list.total })}</Link>
        </p>
      )}
    </section>
  );
}
