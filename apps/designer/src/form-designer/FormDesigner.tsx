import type { FormDefinition } from '@bankforge/form-engine';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '@bankforge/app-shell';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts } from '../shell/artifact-editor/index.js';
import { Loading } from '../shell/Loading.js';
import { EntityChooser } from './document/EntityChooser.js';
import { newFormDraft } from './document/new-form.js';
import { useEntityKeys } from './document/useEntities.js';
import './form-designer.css';
import { FormWorkspace } from './workspace/FormWorkspace.js';
import { artifactTitle } from '../shell/artifact-title.js';

/** The form designer (route `form/:key`; a new form takes its entity from `?entity=`). */
export default function FormDesigner() {
  const { t, i18n } = useTranslation('formDesigner');
  const { key = '' } = useParams();
  const [search] = useSearchParams();
  const api = useApiClient();
  const entityKeys = useEntityKeys(api);
  const editor = useArtifactEditor<FormDefinition>('form', key, () => newFormDraft(key, search.get('entity') ?? ''));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });

  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;
  return (
    <main className="fd" aria-labelledby="fd-title">
      <LeaveGuard dirty={editor.dirty} />
      <h1 id="fd-title" className="fd-title">
        {t('title', { title: artifactTitle(editor.document, i18n.language) || key })}
      </h1>
      {editor.document.entity === '' ? (
        <EntityChooser entityKeys={entityKeys} onChoose={(entity) => editor.update((f) => ({ ...f, entity }))} />
      ) : (
        <FormWorkspace editor={editor} entityKeys={entityKeys} />
      )}
    </main>
  );
}
