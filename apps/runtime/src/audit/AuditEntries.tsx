import type { AuditEntityLabels, AuditEntry } from '@bankforge/client';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../shell/localized.js';
import { readEntry } from './audit-reading.js';
import { AuditDiff } from './AuditDiff.js';

/** An instant to the second, in the reader's language and time zone: an auditor compares times closely. */
function timeText(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language.startsWith('zh') ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export interface AuditEntriesProps {
  entries: readonly AuditEntry[];
  entities: ReadonlyMap<string, AuditEntityLabels>;
}

/** A page of entries, newest first; each opens to its before and after (Show changes). */
export function AuditEntries({ entries, entities }: AuditEntriesProps) {
  const { t, i18n } = useTranslation('audit');
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) => setOpen((current) => {
    const next = new Set(current);
    if (next.has(seq)) next.delete(seq);
    else next.add(seq);
    return next;
  });

  return (
    <div className="grid-scroller">
      <table className="record-grid audit-entries">
        <caption className="visually-hidden">{t('results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.seq')}</th>
            <th scope="col">{t('results.at')}</th>
            <th scope="col">{t('results.actor')}</th>
            <th scope="col">{t('results.action')}</th>
            <th scope="col">{t('results.record')}</th>
            <th scope="col">{t('results.summary')}</th>
            <th scope="col">{t('results.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const reading = readEntry(entry, { t, language: i18n.language, entities });
            const shown = open.has(entry.seq);
            const entity = entry.entity ? entities.get(entry.entity) : undefined;
            const detailId = `audit-entry-${entry.seq}`;
            return (
              <Fragment key={entry.seq}>
                <tr className={shown ? 'audit-open' : undefined}>
                  <td className="num">{entry.seq}</td>
                  <td className="nowrap">{timeText(entry.at, i18n.language)}</td>
                  <td>
                    <code>{entry.actorName}</code>
                  </td>
                  <td className={`audit-action audit-${entry.action}`}>{t(`actions.${entry.action}`)}</td>
                  <td>
                    {entry.entity && <span>{entity ? localized(entity.label, i18n.language) : entry.entity} </span>}
                    {entry.recordId && <code className="audit-id">{entry.recordId}</code>}
                  </td>
                  <td>{reading.summary}</td>
                  <td>
                    <button type="button" aria-expanded={shown} aria-controls={shown ? detailId : undefined} aria-label={shown ? t('results.hide') : t('results.showLabel', { seq: entry.seq })} onClick={() => toggle(entry.seq)}>
                      {shown ? t('results.hide') : t('results.show')}
                    </button>
                  </td>
                </tr>
                {shown && (
                  <tr className="audit-detail-row">
                    <td colSpan={7} id={detailId}>
                      <AuditDiff seq={entry.seq} reading={reading} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
