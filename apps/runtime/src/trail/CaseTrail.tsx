import { languageOf } from '@bankforge/app-shell';
import type { CaseTrailEntry } from '@bankforge/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { caseText, peopleText } from '../approval/case-text.js';
import { formatDateTime } from '../entity-list/format/format-value.js';

export interface CaseTrailProps {
  entries: readonly CaseTrailEntry[];
  /** The heading's level where the trail sits (2 on a page of its own, 4 inside a case of a list). */
  headingLevel?: 2 | 3 | 4;
}

/**
 * What happened on a case, oldest first: when, who, what (the server's text in the reader's
 * language), at which step, with the comment and anyone else involved.
 */
export function CaseTrail({ entries, headingLevel = 2 }: CaseTrailProps) {
  const { t, i18n } = useTranslation('trail');
  const language = languageOf(i18n.language);
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="case-trail" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('title')}</Heading>
      {entries.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className="trail-list">
          {entries.map((entry) => (
            <li key={entry.seq} className="trail-entry">
              <p className="trail-head">
                <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                {entry.nodeName && <span>{t('step', { step: caseText(entry.nodeName, language) })}</span>}
              </p>
              <p className="trail-text">
                <strong>{caseText(entry.text, language)}</strong>{' '}
                <span>{entry.actor ? t('by', { name: entry.actor.name }) : t('system')}</span>
              </p>
              {entry.users && entry.users.length > 0 && <p>{t('people', { people: peopleText(entry.users, language) })}</p>}
              {entry.comment && (
                <figure className="trail-comment">
                  <figcaption className="visually-hidden">{t('comment')}</figcaption>
                  <blockquote>{entry.comment}</blockquote>
                </figure>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
