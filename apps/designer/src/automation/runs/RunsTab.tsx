import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { AutomationRunStatus, AutomationRunSummary } from '@bankforge/client';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepTable } from '../test-panel/StepTable.js';
import { useSaid } from '../test-panel/step-detail.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { Loading } from '../../shell/Loading.js';
import type { AutomationDocument } from '../model/automation-document.js';
import type { RunOutlook } from './run-outlook.js';
import { runTriggerLabel } from './run-trigger.js';
import { useRunOutlook } from './useRunOutlook.js';
import { useRunRecordTitles, type RunRecordTitles } from './useRunRecords.js';

const STATUSES: readonly AutomationRunStatus[] = ['pending', 'running', 'waiting', 'succeeded', 'stopped', 'failed'];
/** A run that ended without doing all it should can be run again from its trigger. */
const REPLAYABLE: ReadonlySet<AutomationRunStatus> = new Set(['failed', 'stopped']);

type Runs = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; runs: AutomationRunSummary[] };

/**
 * Runs of the published automation, newest first: status, trigger, record, steps on demand, error
 * (in the reader's language); Replay on failed and stopped ones. Above them, what the published
 * version does next (`publishedDocument`, once loaded): paused, or a schedule's next slot.
 */
export function RunsTab({ automationKey, published, publishedDocument }: { automationKey: string; published: boolean; publishedDocument: AutomationDocument | null }) {
  const { t, i18n } = useTranslation('automationDesigner');
  const api = useApiClient();
  const id = useId();
  const [filter, setFilter] = useState<AutomationRunStatus | ''>('');
  const [runs, setRuns] = useState<Runs>({ status: 'loading' });
  const [loads, setLoads] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [replaying, setReplaying] = useState<string | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const titles = useRunRecordTitles(runs.status === 'ready' ? runs.runs : null);
  const outlook = useRunOutlook(publishedDocument);
  // The list on screen stays while it refreshes; a failed load shows the spinner again.
  const refresh = useCallback(() => {
    setRuns((current) => (current.status === 'error' ? { status: 'loading' } : current));
    setLoads((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!published) return;
    let live = true;
    api.listAutomationRuns(automationKey, { ...(filter ? { status: filter } : {}), limit: 100 }).then(
      (list) => live && setRuns({ status: 'ready', runs: list }),
      (error: unknown) => {
        const problem = asProblem(error);
        if (live) setRuns({ status: 'error', message: problem.detail || problem.title });
      },
    );
    return () => {
      live = false;
    };
  }, [api, automationKey, filter, published, loads]);

  if (!published) return <p className="empty-state">{t('runs.notPublished')}</p>;

  const replay = async (run: AutomationRunSummary) => {
    setReplaying(run.id);
    setNotice(null);
    try {
      await api.replayAutomationRun(run.id);
      setNotice({ kind: 'success', text: t('runs.replayed') });
      refresh();
    } catch (error) {
      const problem = asProblem(error);
      setNotice({ kind: 'error', text: t('runs.replayFailed', { message: problem.detail || problem.title }) });
    } finally {
      setReplaying(null);
    }
  };
  const toggle = (runId: string) => setOpen((current) => {
    const next = new Set(current);
    if (next.has(runId)) next.delete(runId);
    else next.add(runId);
    return next;
  });

  return (
    <section className="automation-section automation-runs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('runs.title')}</h2>
      <Outlook outlook={outlook} />
      <div className="toolbar">
        <label htmlFor={`${id}-status`}>{t('runs.status')}</label>
        <select id={`${id}-status`} value={filter} onChange={(e) => setFilter(e.target.value as AutomationRunStatus | '')}>
          <option value="">{t('runs.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`runs.statuses.${s}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={refresh}>
          {t('runs.refresh')}
        </button>
      </div>
      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`notice notice-${notice.kind}`}>
          {notice.text}
        </div>
      )}
      {runs.status === 'loading' && <Loading />}
      {runs.status === 'error' && (
        <div role="alert" className="notice notice-error">
          {t('runs.loadFailed', { message: runs.message })}{' '}
          <button type="button" onClick={refresh}>
            {t('retry')}
          </button>
        </div>
      )}
      {runs.status === 'ready' && runs.runs.length === 0 && <p className="empty-state">{t('runs.empty')}</p>}
      {runs.status === 'ready' && runs.runs.length > 0 && (
        <table className="data-table automation-runs__table">
          <caption className="visually-hidden">{t('runs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('runs.columns.at')}</th>
              <th scope="col">{t('runs.columns.status')}</th>
              <th scope="col">{t('runs.columns.trigger')}</th>
              <th scope="col">{t('runs.columns.record')}</th>
              <th scope="col">{t('runs.columns.steps')}</th>
              <th scope="col">{t('runs.columns.error')}</th>
              <th scope="col">{t('runs.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.runs.map((run) => (
              <RunRow
                key={run.id}
                run={run}
                titles={titles}
                at={date.format(new Date(run.createdAt))}
                expanded={open.has(run.id)}
                onToggle={() => toggle(run.id)}
                replaying={replaying === run.id}
                onReplay={() => void replay(run)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RunRow({ run, titles, at, expanded, onToggle, replaying, onReplay }: { run: AutomationRunSummary; titles: RunRecordTitles; at: string; expanded: boolean; onToggle(): void; replaying: boolean; onReplay(): void }) {
  const { t } = useTranslation('automationDesigner');
  const said = useSaid(run.entity);
  const stepsId = useId();
  return (
    <>
      <tr>
        <th scope="row">
          <time dateTime={run.createdAt}>{at}</time>
          {run.replayOf && <div className="help">{t('runs.replayOf', { id: run.replayOf })}</div>}
        </th>
        <td>
          <span className={`badge automation-run--${run.status}`}>{t(`runs.statuses.${run.status}`)}</span>
        </td>
        <td title={run.trigger}>{runTriggerLabel(run.trigger, t)}</td>
        <td>{run.recordId ? <RunRecord entity={run.entity} id={run.recordId} titles={titles} /> : '—'}</td>
        <td>
          {run.steps.length > 0 ? (
            <button type="button" aria-expanded={expanded} aria-controls={expanded ? stepsId : undefined} onClick={onToggle}>
              {expanded ? t('runs.hideSteps') : t('runs.showSteps', { count: run.steps.length })}
            </button>
          ) : (
            '—'
          )}
        </td>
        <td>{run.error === null ? '' : said(run.errorMessage, run.error)}</td>
        <td>
          {REPLAYABLE.has(run.status) && (
            <button type="button" disabled={replaying} aria-label={t('runs.replayLabel', { id: run.id })} onClick={onReplay}>
              {t('runs.replay')}
            </button>
          )}
        </td>
      </tr>
      {expanded && (
        <tr id={stepsId}>
          <td colSpan={7}>
            <StepTable caption={t('runs.columns.steps')} steps={run.steps} entity={run.entity} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The run's record by its title; one the designer user may not read by its entity's label and a short id (the whole id on hover). */
function RunRecord({ entity, id, titles }: { entity: string | null; id: string; titles: RunRecordTitles }) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, language } = useAutomationEditing();
  const title = entity ? titles.get(entity)?.[id] : undefined;
  if (title) return <span title={id}>{title}</span>;
  const label = entity ? catalog.entities.get(entity)?.label : undefined;
  const name = label ? label[language] || label.en : entity;
  return <span title={id}>{name ? t('runs.recordUnread', { entity: name, id: id.slice(0, 8) }) : <code>{id}</code>}</span>;
}

/** What the published version does next, in the reader's language; a schedule's slot as the clock reads in its own time zone. */
function Outlook({ outlook }: { outlook: RunOutlook }) {
  const { t, i18n } = useTranslation('automationDesigner');
  if (!outlook) return null;
  switch (outlook.kind) {
    case 'paused':
      return <p className="notice notice-warning automation-runs__outlook">{t('runs.outlook.paused')}</p>;
    case 'noCalendar':
      return <p className="notice notice-warning automation-runs__outlook">{t('runs.outlook.noCalendar', { calendar: outlook.calendar })}</p>;
    case 'none':
      return <p className="help automation-runs__outlook">{t('runs.outlook.none')}</p>;
    case 'next': {
      const at = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone: outlook.timeZone }).format(new Date(outlook.at));
      return <p className="help automation-runs__outlook">{t('runs.outlook.next', { at, timeZone: outlook.timeZone })}</p>;
    }
  }
}
