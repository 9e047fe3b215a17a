import type { ArtifactKind } from '@bankforge/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { designerPath, isListedKind, LISTED_KINDS } from './artifact-list/artifact-kinds.js';
import { ArtifactTable } from './artifact-list/ArtifactTable.js';
import { NewArtifactDialog, type NewArtifactKind } from './artifact-list/NewArtifactDialog.js';
import { useArtifactSummaries } from './artifact-list/useArtifactSummaries.js';
import { Loading } from './Loading.js';
import { TabList, tabIds } from './tabs/TabList.js';

/** The home page: every artifact by kind with its state, and the way to start a new entity, form, decision, flow, report, dashboard, automation or app. */
export function ArtifactList() {
  const { t } = useTranslation('shell');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const requested = params.get('kind');
  const kind: ArtifactKind = isListedKind(requested) ? requested : 'entity';
  const [creating, setCreating] = useState<NewArtifactKind | null>(null);
  const summaries = useArtifactSummaries(kind);

  const select = (next: ArtifactKind) => setParams(next === 'entity' ? {} : { kind: next }, { replace: true });
  const ids = tabIds('artifacts', kind);

  return (
    <main className="page">
      <div className="page-header">
        <h1>{t('list.title')}</h1>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setCreating('entity')}>
            {t('list.newEntity')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating('form')}>
            {t('list.newForm')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating('decision')}>
            {t('list.newDecision')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating('flow')}>
            {t('list.newFlow')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating('report')}>
            {t('list.newReport')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating('dashboard')}>
            {t('list.newDashboard')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating('automation')}>
            {t('list.newAutomation')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating('app')}>
            {t('list.newApp')}
          </button>
        </div>
      </div>
      <TabList
        label={t('list.title')}
        prefix="artifacts"
        tabs={LISTED_KINDS.map((k) => ({ id: k, label: t(`list.kinds.${k}`) }))}
        selected={kind}
        onSelect={select}
      />
      <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
        {designerPath(kind, '') === null && <p className="help">{t('list.readOnly')}</p>}
        {summaries.status === 'loading' && <Loading />}
        {summaries.status === 'error' && (
          <div role="alert" className="notice notice-error">
            {t('list.loadFailed', { message: summaries.error.detail || summaries.error.title })}{' '}
            <button type="button" onClick={summaries.retry}>
              {t('list.retry')}
            </button>
          </div>
        )}
        {summaries.status === 'ready' &&
          (summaries.items.length === 0 ? <p className="empty-state">{t('list.empty')}</p> : <ArtifactTable items={summaries.items} caption={t(`list.kinds.${kind}`)} />)}
      </section>
      {creating && (
        <NewArtifactDialog
          kind={creating}
          onClose={() => setCreating(null)}
          onCreated={(key) => navigate(designerPath(creating, key)!)}
        />
      )}
    </main>
  );
}
