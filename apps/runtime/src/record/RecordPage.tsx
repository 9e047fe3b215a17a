import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useEntityPage } from '../entity-page/useEntityPage.js';
import { Record360 } from '../record-360/Record360.js';
import { referencePrefill } from '../record-360/related-urls.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import type { ModuleImporter } from './form/type-checks.js';
import { RecordEditor } from './RecordEditor.js';

/**
 * `/:app/:entity/new`: a new record's form (references given in the address filled in);
 * `/:app/:entity/:id`: the record's 360° page, its form as its details.
 */
export default function RecordPage({ importModule }: { importModule?: ModuleImporter }) {
  const { t } = useTranslation('record');
  const { t: t360 } = useTranslation('record360');
  const { app = '', entity = '', id } = useParams();
  const [params] = useSearchParams();
  const { load, retry } = useEntityPage(entity);
  const prefill = useMemo(() => (load.status === 'loaded' && id === undefined ? referencePrefill(load.page.entity.fields, params) : undefined), [load, id, params]);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ProblemNotice message={t('loadFailed')} problem={load.error} onRetry={retry} />;
  // Another record is another editor: nothing typed for one carries over to the next.
  if (id === undefined) return <RecordEditor key={`${entity}/new`} app={app} page={load.page} id={id} importModule={importModule} prefill={prefill} />;
  return (
    <Record360 key={`${entity}/${id}`} app={app} page={load.page} id={id} importModule={importModule}>
      <RecordEditor app={app} page={load.page} id={id} importModule={importModule} heading={t360('details')} />
    </Record360>
  );
}
