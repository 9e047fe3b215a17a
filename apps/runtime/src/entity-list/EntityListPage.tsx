import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useEntityPage } from '../entity-page/useEntityPage.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import type { RuntimeEntityPage } from '@bankforge/client';
import { offers } from '../entity-page/entity-actions.js';
import type { DeletedState } from '../record/delete/DeleteRecord.js';
import { linkFilters, type ListLinkState } from './filters/link-filters.js';
import { RecordList } from './RecordList.js';

/** The same list for every owner: the link without its owner. */
function withoutOwner(path: string, params: URLSearchParams): string {
  const rest = new URLSearchParams(params);
  rest.delete('owner_id');
  const query = rest.toString();
  return query ? `${path}?${query}` : path;
}

/** `/:app/:entity`: the list of an entity's records. */
export function EntityListPage({ filterDelayMs }: { filterDelayMs?: number }) {
  const { t } = useTranslation('list');
  const { app = '', entity = '' } = useParams();
  const { load, retry } = useEntityPage(entity);
  // A record deleted on its page: the list it returned to says so.
  const location = useLocation();
  const deleted = (location.state as DeletedState | null)?.deleted;
  const ownerName = (location.state as ListLinkState | null)?.ownerName;
  // "View all" of a record's related list (`?customer=<id>`), a dashboard's drill (`?segment=vip`, `?owner_id=<RM>`).
  const [params] = useSearchParams();
  const fromLink = useMemo(() => (load.status === 'loaded' ? linkFilters(load.page.entity.fields, params) : undefined), [load, params]);
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
      {fromLink?.owner !== undefined && (
        <p className="notice owner-only">
          {ownerName ? t('ownerOnly', { owner: ownerName }) : t('oneOwnerOnly')} <Link to={withoutOwner(location.pathname, params)}>{t('allOwners')}</Link>
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
        canImport={page.actions?.import === true}
        filterDelayMs={filterDelayMs}
        initialFilters={fromLink?.columns}
        {...(fromLink?.owner ? { owner: fromLink.owner } : {})}
      />
    </>
  );
}
