import type { EntityDefinition } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import { LocalizedTextFields } from '../../form-designer/properties/LocalizedTextFields.js';
import { compact } from '../document/map-edits.js';
import { usePanel } from './panel-context.js';
import { RecordBindingEditor } from './RecordBindingEditor.js';
import { usePublishedArtifacts, usePublishedDocument } from './usePublished.js';
import { VariablesTable } from './VariablesTable.js';

/** The flow itself (nothing selected): its names, its variables, the entity its cases are about and how it binds their records. */
export function FlowProperties() {
  const { t } = useTranslation('flowDesigner');
  const { flow, change, problemsAt } = usePanel();
  const entities = usePublishedArtifacts('entity');
  const entity = usePublishedDocument<EntityDefinition>('entity', flow.entity, entities);
  const known = entities.some((e) => e.key === flow.entity);
  return (
    <>
      <TextControl label={t('flow.title')} value={flow.title} onChange={(title) => change((f) => ({ ...f, title }), 'flow:title')} problems={problemsAt('/title')} />
      <LocalizedTextFields name={t('flow.label')} value={flow.label} optional onChange={(label) => change((f) => compact({ ...f, label }), 'flow:label')} />
      <TextControl label={t('flow.description')} multiline value={flow.description ?? ''} onChange={(text) => change((f) => compact({ ...f, description: text === '' ? undefined : text }), 'flow:description')} />
      <VariablesTable />
      <SelectControl
        label={t('flow.entity')}
        help={t('flow.entityHelp')}
        value={flow.entity ?? ''}
        choices={[
          { value: '', label: t('flow.noEntity') },
          ...entities.map((e) => ({ value: e.key, label: `${e.title} (${e.key})` })),
          ...(flow.entity !== undefined && !known ? [{ value: flow.entity, label: t('flow.entityNotPublished', { key: flow.entity }) }] : []),
        ]}
        // Without an entity there is no record to bind.
        onChange={(key) => change((f) => compact({ ...f, entity: key === '' ? undefined : key, record: key === '' ? undefined : f.record }), 'flow:entity')}
        problems={problemsAt('/entity')}
      />
      {flow.entity !== undefined && <RecordBindingEditor entity={entity} />}
    </>
  );
}
