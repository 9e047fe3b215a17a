import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useEntityPage } from '../entity-page/useEntityPage.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import type { RuntimeEntityPage } from '@bankforge/client';
import { offers } from '../entity-page/entity-actions.js';
import type { DeletedState } from '../record/delete/DeleteRecord.js';
import { referencePrefill } from '../record-360/related-urls.js';
import { RecordList } from './RecordList.js';

/** `/:app/:entity`: the list of an entity's records. */
export function EntityListPage({ filterDelayMs }: { filterDelayMs?: number }) {
  const { t } = useTranslation('list');
  const { app = '', entity = '' } = useParams();
  const { load, retry } = useEntityPage(entity);
  // A record deleted on its page: the list it returned to says so.
  const deleted = (useLocation().state as DeletedState | null)?.deleted;
  // "View all" of a record's related list: the list filtered to that record (`?customer=<id>`).
  const [params] = useSearchParams();
  const initialFilters = useMemo(() => (load.status === 'loaded' ? referencePrefill(load.page.entity.fields, params) : undefined), [load, params]);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ProblemNotice message={t('pageLoadFailed')} problem={load.error} onRetry={retry} />;
  // A new entity (or a new version of it) starts a fresh list: columns, filters and pages are its own.
  const page: RuntimeEntityPage = load.page;
  return (
    <>
      {deleted !== undefined && (
        <p role="status" className="notice">
          {t('deleted', { record: deleted })}
        </p>
      )}
      <RecordList
        key={`${entity}@${load.page.entity.version ?? 0}?${params.toString()}`}
        app={app}
        entity={page.entity}
        fieldAccess={page.fieldAccess}
        canCreate={offers(page, 'create')}
        canExport={offers(page, 'export')}
        canTransfer={page.actions?.transfer === true}
        filterDelayMs={filterDelayMs}
        initialFilters={initialFilters}
      />
    </>
  );
}
