import type { EntityDefinition, FieldType } from '@bankforge/data-model';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts } from '../shell/artifact-editor/index.js';
import { Loading } from '../shell/Loading.js';
import { PublishBar } from '../shell/PublishBar.js';
import { usePlaceOf } from '../shell/problem-places/usePlaceOf.js';
import { TabList, tabIds } from '../shell/tabs/TabList.js';
import { restoreInto, VersionHistory } from '../shell/VersionHistory.js';
import { EntityProperties } from './entity-properties/EntityProperties.js';
import { addField, moveField, newEntity, newFieldId, removeField, updateField } from './entity-document/entity-edits.js';
import { FieldEditor } from './field-editor/FieldEditor.js';
import { IndexesEditor } from './entity-indexes/IndexesEditor.js';
import { FieldList } from './field-list/FieldList.js';
import { ENTITY_READING } from './entity-document/problem-places.js';
import { PublishEntityDialog } from './publish/PublishEntityDialog.js';
import { useEntityKeys } from './useEntityKeys.js';
import './entity-designer.css';
import { artifactTitle } from '../shell/artifact-title.js';

type Panel = 'fields' | 'entity' | 'indexes' | 'versions';

/** The data-model designer: an entity's properties and fields, saved as a draft and published with its migration plan. */
export default function EntityDesigner() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation('dataModel');
  const editor = useArtifactEditor<EntityDefinition>('entity', key, useCallback(() => newEntity(key), [key]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });
  const entityKeys = useEntityKeys(key);
  const [panel, setPanel] = useState<Panel>('fields');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusKeyOf, setFocusKeyOf] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const placeOf = usePlaceOf(editor.document, ENTITY_READING);

  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;

  const entity = editor.document;
  const fields = entity.fields;
  const selectedIndex = fields.findIndex((f) => f.id === selectedId);
  const selected = selectedIndex >= 0 ? fields[selectedIndex]! : null;

  const add = (type: FieldType) => {
    const id = newFieldId();
    editor.update((e) => addField(e, type, id));
    setSelectedId(id);
    setFocusKeyOf(id);
    setAnnouncement('');
  };
  const remove = (index: number) => {
    const field = fields[index]!;
    editor.update((e) => removeField(e, index));
    if (field.id === selectedId) setSelectedId(fields[index + 1]?.id ?? fields[index - 1]?.id ?? null);
    setAnnouncement(t('fields.removed', { name: field.key }));
  };

  const ids = tabIds('entity', panel);
  return (
    <main className="page designer">
      <LeaveGuard dirty={editor.dirty} />
      <div className="page-header">
        <h1>{t('title', { title: artifactTitle(entity, i18n.language) })}</h1>
        <code className="artifact-key">{entity.key}</code>
      </div>
      <PublishBar editor={editor} onPublish={() => setPublishing(true)} problemPlace={placeOf} />
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      <TabList
        label={t('tabs.label')}
        prefix="entity"
        tabs={[
          { id: 'fields', label: t('tabs.fields') },
          { id: 'entity', label: t('tabs.entity') },
          { id: 'indexes', label: t('tabs.indexes') },
          { id: 'versions', label: t('tabs.versions') },
        ]}
        selected={panel}
        onSelect={setPanel}
      />
      <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
        {panel === 'fields' && (
          <div className="master-detail">
            <FieldList
              fields={fields}
              selectedId={selectedId}
              problems={editor.problems}
              onSelect={(id) => {
                setSelectedId(id);
                setFocusKeyOf(null);
              }}
              onAdd={add}
              onMove={(index, delta) => editor.update((e) => moveField(e, index, delta))}
              onRemove={remove}
            />
            <section className="property-panel" aria-label={t('fields.properties')}>
              {selected ? (
                <FieldEditor
                  key={selected.id}
                  field={selected}
                  index={selectedIndex}
                  entityKeys={entityKeys}
                  otherFields={entity.fields.filter((f) => f.id !== selected.id)}
                  problems={editor.problems}
                  focusKey={focusKeyOf === selected.id}
                  onChange={(change, label) => editor.update((e) => updateField(e, selectedIndex, change), label)}
                />
              ) : (
                <p className="empty-state">{t('fields.chooseField')}</p>
              )}
            </section>
          </div>
        )}
        {panel === 'entity' && <EntityProperties entity={entity} problems={editor.problems} onChange={editor.update} />}
        {panel === 'indexes' && <IndexesEditor entity={entity} problems={editor.problems} onChange={editor.update} />}
        {panel === 'versions' && <VersionHistory kind="entity" artifactKey={key} latestVersion={editor.latestVersion} onRestore={restoreInto(editor)} />}
      </section>
      {publishing && (
        <PublishEntityDialog
          entityKey={key}
          title={entity.title}
          editor={editor}
          onClose={() => setPublishing(false)}
          onPublished={() => setPublishing(false)}
          placeOf={placeOf}
        />
      )}
    </main>
  );
}
