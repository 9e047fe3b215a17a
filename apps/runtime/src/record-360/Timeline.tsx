import { asProblem, useApiClient, type Language } from '@bankforge/app-shell';
import type { ApiProblem, TimelineEntry, TimelinePage, TimelinePerson } from '@bankforge/client';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CaseStatusText } from '../approval/CaseStatusText.js';
import { caseText } from '../approval/case-text.js';
import { formatDateTime, formatValue } from '../entity-list/format/format-value.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { changeText, type ChangeWords } from './change-text.js';
import { localize } from './figure-text.js';
import type { FieldDefinition } from '@bankforge/data-model';

/** How many field changes an entry lists before "and N more". */
const SHOWN_CHANGES = 3;
/** How many more entries "Show older entries" asks for. */
const PAGE = 20;

export interface TimelineProps {
  app: string;
  entity: string;
  recordId: string;
  page: TimelinePage;
  language: Language;
  /** Buttons to log activities ("Log an interaction"), shown above the entries. */
  actions?: ReactNode;
}

/** What happened to the record and around it, newest first: logged activities, changes, approval cases. A new first page comes with a new key. */
export function Timeline({ app, entity, recordId, page, language, actions }: TimelineProps) {
  const { t } = useTranslation('record360');
  const { t: tl } = useTranslation('list');
  const api = useApiClient();
  const titleId = useId();
  const [shown, setShown] = useState<TimelinePage>(page);
  const [asked, setAsked] = useState<{ limit: number; loading: boolean; problem?: ApiProblem }>({ limit: page.entries.length, loading: false });
  const words: ChangeWords = {
    yes: tl('yes'),
    no: tl('no'),
    empty: t('timeline.empty'),
    unseen: t('timeline.unseen'),
    titles: shown.titles ?? {},
    change: (field, before, after) => t('timeline.change', { field, before, after }),
    set: (field, after) => t('timeline.set', { field, after }),
  };

  const older = async () => {
    const limit = Math.min(shown.entries.length + PAGE, 200);
    setAsked({ limit, loading: true });
    try {
      setShown(await api.recordTimeline(entity, recordId, limit, app));
      setAsked({ limit, loading: false });
    } catch (error) {
      setAsked({ limit, loading: false, problem: asProblem(error) });
    }
  };

  return (
    <section className="r360-card r360-timeline" aria-labelledby={titleId}>
      <div className="r360-card-head">
        <h2 id={titleId}>{t('timeline.title')}</h2>
        {actions}
      </div>
      {shown.entries.length === 0 ? (
        <p className="muted">{t('timeline.none')}</p>
      ) : (
        <ol className="r360-entries">
          {shown.entries.map((entry) => (
            <li key={keyOf(entry)} className={`r360-entry r360-entry-${entry.kind}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
              <EntryBody app={app} entry={entry} language={language} words={words} />
            </li>
          ))}
        </ol>
      )}
      {asked.loading && <Loading label={t('timeline.loadingMore')} />}
      {asked.problem && <ProblemNotice message={t('timeline.moreFailed')} problem={asked.problem} onRetry={() => void older()} />}
      {shown.more && !asked.loading && (
        <button type="button" onClick={() => void older()}>
          {t('timeline.more')}
        </button>
      )}
    </section>
  );
}

function keyOf(entry: TimelineEntry): string {
  return entry.kind === 'activity' ? `a:${entry.id}` : entry.kind === 'change' ? `c:${entry.seq}` : `f:${entry.caseId}`;
}

function EntryBody({ app, entry, language, words }: { app: string; entry: TimelineEntry; language: Language; words: ChangeWords }) {
  const { t } = useTranslation('record360');
  // The server's own writes (the example's load, an import) are the system's, said so in the reader's words.
  const person = (who: TimelinePerson): string => (who.username === 'system' ? t('timeline.system') : who.displayName);
  if (entry.kind === 'activity') {
    return (
      <div className="r360-entry-body">
        <p className="r360-entry-title">
          {entry.activityKind && <span className="r360-kind">{localize(entry.activityKind.label, language)}</span>}
          <Link to={`/${app}/${entry.entity}/${encodeURIComponent(entry.id)}`}>{entry.summary || entry.title || localize(entry.entityLabel, language)}</Link>
        </p>
        {entry.details.map((detail) => (
          <p key={detail.field} className="r360-entry-detail">
            {localize(detail.label, language)}: {formatValue(detail.value, { id: detail.field, key: detail.field, type: detail.type, label: detail.label } as FieldDefinition, { language, yes: words.yes, no: words.no })}
          </p>
        ))}
        {entry.by && <p className="r360-entry-by">{t('timeline.by', { name: person(entry.by) })}</p>}
      </div>
    );
  }
  if (entry.kind === 'change') {
    // A creation is told by its title: the record itself is a click away; changes list what changed.
    const lines = entry.action === 'update' ? entry.changes.map((change) => changeText(change, language, words)) : [];
    const what = t(`timeline.${entry.action === 'create' ? 'created' : entry.action === 'update' ? 'updated' : entry.action === 'delete' ? 'deleted' : 'restored'}`, {
      entity: localize(entry.entityLabel, language),
      title: entry.recordTitle ?? '',
    });
    return (
      <div className="r360-entry-body">
        <p className="r360-entry-title">{what.trim()}</p>
        {lines.length > 0 && (
          <ul className="r360-changes">
            {lines.slice(0, SHOWN_CHANGES).map((line, index) => (
              <li key={index}>{line}</li>
            ))}
            {lines.length > SHOWN_CHANGES && <li className="muted">{t('timeline.moreChanges', { count: lines.length - SHOWN_CHANGES })}</li>}
          </ul>
        )}
        <p className="r360-entry-by">{t('timeline.by', { name: person(entry.by) })}</p>
      </div>
    );
  }
  const flow = caseText(entry.flowName, language);
  return (
    <div className="r360-entry-body">
      <p className="r360-entry-title">
        <Link to={`/cases/${encodeURIComponent(entry.caseId)}`}>{entry.recordTitle ? t('timeline.caseOf', { flow, title: entry.recordTitle }) : t('timeline.case', { flow })}</Link>
      </p>
      <p>
        <CaseStatusText summary={entry} /> · {t('timeline.startedBy', { name: person(entry.by) })}
      </p>
    </div>
  );
}
