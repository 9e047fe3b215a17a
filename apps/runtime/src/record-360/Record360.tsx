import { languageOf, useApiClient } from '@bankforge/app-shell';
import type { RecordOverview, RuntimeEntityPage } from '@bankforge/client';
import type { LocalizedText } from '@bankforge/data-model';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ModuleImporter } from '../record/form/type-checks.js';
import { useLoad } from '../shell/load/useLoad.js';
import { Loading } from '../shell/Loading.js';
import { localized } from '../shell/localized.js';
import { problemText } from '../shell/problems.js';
import { localize } from './figure-text.js';
import { RelatedParties } from './graph/RelatedParties.js';
import { LogActivityDialog } from './LogActivityDialog.js';
import { OverviewHeaderCard } from './OverviewHeaderCard.js';
import { RelatedListCard } from './RelatedListCard.js';
import { Timeline } from './Timeline.js';
import './record-360.css';

export interface Record360Props {
  app: string;
  page: RuntimeEntityPage;
  id: string;
  importModule?: ModuleImporter;
  /** The record's form (its details), shown below the overview. */
  children: ReactNode;
  /** The clock "Log an interaction" starts from (tests fix it). */
  now?: () => Date;
}

type Logging = { entity: string; via: string; label: LocalizedText; at: Date };

/**
 * A record's 360° page: who or what it is with its key figures and tags, its related records, what
 * happened (timeline) and its related parties, then its details (the form). One request reads the
 * overview; if it fails, the details are still there.
 */
export function Record360({ app, page, id, importModule, children, now = () => new Date() }: Record360Props) {
  const { t, i18n } = useTranslation('record360');
  const { t: tr } = useTranslation('record');
  const { t: ts } = useTranslation('shell');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const entity = page.entity;
  const read = useCallback(() => api.recordOverview(entity.key, id, app), [api, entity.key, id, app]);
  const { load, reload, replace } = useLoad<RecordOverview>(read);
  const [logging, setLogging] = useState<Logging | null>(null);
  // What was just logged: said in the reader's language, also after they switch it.
  const [logged, setLogged] = useState<LocalizedText | null>(null);
  const entityLabel = localized(entity.label, language);
  const overview = load.status === 'loaded' ? load.value : undefined;
  const title = overview ? overview.header.title || t('untitled', { entity: entityLabel }) : entityLabel;

  const onLogged = async (label: LocalizedText) => {
    setLogging(null);
    setLogged(label);
    // The page stays as it is while the new overview is read: no flash of "loading".
    replace(await read());
  };

  const loggers = (overview?.activities ?? []).filter((a) => a.canCreate);
  return (
    <section className="r360" aria-labelledby="record-360-title">
      <Link to={`/${app}/${entity.key}`} className="back-link">
        {tr('back')}
      </Link>
      <OverviewHeaderCard title={title} entityLabel={entityLabel} header={overview?.header} language={language} />
      <p role="status" className="save-status">
        {logged ? t('log.saved', { entity: localize(logged, language) }) : ''}
      </p>
      {load.status === 'loading' && <Loading label={t('loading')} />}
      {load.status === 'error' && (
        // Not an alert: the record's details are still here, below.
        <div role="status" className="notice">
          <p>
            <strong>{t('loadFailed')}</strong> {problemText(load.error)}
          </p>
          <button type="button" onClick={reload}>
            {ts('retry')}
          </button>
        </div>
      )}
      <div className="r360-body">
        {overview && overview.related.length > 0 && (
          <div className="r360-related-area" role="region" aria-label={t('related.region')}>
            {overview.related.map((list) => (
              <RelatedListCard key={`${list.entity}.${list.via}`} app={app} recordId={id} list={list} language={language} />
            ))}
          </div>
        )}
        {overview && (
          <div className="r360-timeline-area">
            <Timeline
              key={load.status === 'loaded' ? load.receivedAt : 0}
              app={app}
              entity={entity.key}
              recordId={id}
              page={overview.timeline}
              language={language}
              actions={loggers.map((a) => (
                <button key={`${a.entity}.${a.via}`} type="button" className="primary" onClick={() => setLogging({ entity: a.entity, via: a.via, label: a.label, at: now() })}>
                  {t('log.button', { entity: localize(a.label, language) })}
                </button>
              ))}
            />
          </div>
        )}
        {overview?.graph && (
          <div className="r360-graph-area">
            <RelatedParties app={app} entity={entity.key} recordId={id} graph={overview.graph} language={language} />
          </div>
        )}
        <div className="r360-details-area">{children}</div>
      </div>
      {logging && (
        <LogActivityDialog
          entity={logging.entity}
          label={logging.label}
          via={logging.via}
          recordId={id}
          now={logging.at}
          importModule={importModule}
          onLogged={() => void onLogged(logging.label)}
          onClose={() => setLogging(null)}
        />
      )}
    </section>
  );
}
