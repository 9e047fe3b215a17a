import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useEntityPage } from '../entity-page/useEntityPage.js';
import { Loading } from '../shell/Loading.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import type { ModuleImporter } from './form/type-checks.js';
import { RecordEditor } from './RecordEditor.js';

/** `/:app/:entity/new` and `/:app/:entity/:id`: a record's form, to create or edit it. */
export default function RecordPage({ importModule }: { importModule?: ModuleImporter }) {
  const { t } = useTranslation('record');
  const { app = '', entity = '', id } = useParams();
  const { load, retry } = useEntityPage(entity);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ProblemNotice message={t('loadFailed')} problem={load.error} onRetry={retry} />;
  // Another record is another editor: nothing typed for one carries over to the next.
  return <RecordEditor key={`${entity}/${id ?? 'new'}`} app={app} page={load.page} id={id} importModule={importModule} />;
}
