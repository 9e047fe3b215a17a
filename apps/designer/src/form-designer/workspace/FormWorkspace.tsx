import type { FormDefinition } from '@bankforge/form-engine';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '@bankforge/app-shell';
import type { ArtifactEditor } from '../../shell/artifact-editor/index.js';
import { Loading } from '../../shell/Loading.js';
import { PublishBar } from '../../shell/PublishBar.js';
import { usePlaceOf } from '../../shell/problem-places/usePlaceOf.js';
import { FORM_READING } from '../document/problem-places.js';
import { restoreInto, VersionHistory } from '../../shell/VersionHistory.js';
import { Canvas } from '../canvas/Canvas.js';
import { DesignerDnd } from '../dnd/DesignerDnd.js';
import { useEntities } from '../document/useEntities.js';
import { Palette } from '../palette/Palette.js';
import { PropertyPanel } from '../properties/PropertyPanel.js';
import { childrenOf, findCell, findNode } from '../tree/form-tree.js';
import { DesignerContext, type Designer } from './DesignerContext.js';
import { focusTarget } from './focus-target.js';
import { ProblemNodes } from './ProblemNodes.js';
import { designerLanguage } from './localized.js';
import { repeatingGroups } from '@bankforge/form-engine';
import { targetName } from './target-name.js';

// The preview brings the renderer and the form model: loaded when first shown.
const FormPreview = lazy(() => import('../preview/FormPreview.js'));

const VIEWS = ['design', 'preview', 'history'] as const;
type View = (typeof VIEWS)[number];

interface FormWorkspaceProps {
  editor: ArtifactEditor<FormDefinition>;
  entityKeys: readonly string[];
}

/** Palette, canvas and properties over one form draft, with its preview and version history. */
export function FormWorkspace({ editor, entityKeys }: FormWorkspaceProps) {
  const { t, i18n } = useTranslation('formDesigner');
  const api = useApiClient();
  const form = editor.document;
  const language = designerLanguage(i18n.language);
  const placeOf = usePlaceOf(form, FORM_READING);
  const [view, setView] = useState<View>('design');
  const [selection, setSelection] = useState<string | null>(null);
  const groups = repeatingGroups(form.layout);
  const { entities, missing } = useEntities(api, [form.entity, ...groups.map((g) => g.entity)]);
  const entity = entities[form.entity] ?? null;
  // Rules read the entity's fields and the repeating groups' rows (as lists), as the form engine scopes them.
  const groupKeys = groups.map((g) => g.key).join(',');
  const fieldNames = useMemo(() => new Set([...(entity?.fields.map((f) => f.key) ?? []), ...groupKeys.split(',').filter(Boolean)]), [entity, groupKeys]);
  // Undo can take the selected node away: the selection then falls back to the form.
  const selected = selection !== null && (findNode(form.layout, selection) || childrenOf(form.layout, selection) || findCell(form.layout, selection)) ? selection : null;

  const designer: Designer = { form, entity, entities, entityKeys, fieldNames, language, selected, select: setSelection, change: editor.update };
  const showNode = (id: string) => {
    setSelection(id);
    setView('design');
    focusTarget(id);
  };

  return (
    <DesignerContext.Provider value={designer}>
      <PublishBar editor={editor} problemPlace={placeOf} />
      <ProblemNodes problems={editor.problems} onShowNode={showNode} />
      {missing.has(form.entity) && (
        <p role="alert" className="notice notice-error">
          {t('entityMissing', { entity: form.entity })}
        </p>
      )}
      <div role="group" aria-label={t('view.label')} className="fd-views">
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`view.${v}`)}
          </button>
        ))}
      </div>
      {view === 'design' && (
        <DesignerDnd>
          <div className="fd-workspace">
            <Palette />
            <Canvas />
            <PropertyPanel />
          </div>
        </DesignerDnd>
      )}
      {view === 'preview' &&
        (entity === null ? (
          <Loading />
        ) : (
          <Suspense fallback={<Loading />}>
            <FormPreview form={form} entities={entities} language={language} nodeName={(id) => targetName(id, form, entity, language, t)} onShowNode={showNode} />
          </Suspense>
        ))}
      {view === 'history' && <VersionHistory kind="form" artifactKey={form.key} latestVersion={editor.latestVersion} onRestore={restoreInto(editor)} />}
    </DesignerContext.Provider>
  );
}
