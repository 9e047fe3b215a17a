import { useTranslation } from 'react-i18next';
import { containerOwner, findCell, findNode } from '../tree/form-tree.js';
import { localized } from '../workspace/localized.js';
import { nodeLabel } from '../workspace/node-label.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { targetName } from '../workspace/target-name.js';
import { ColumnsProperties, SectionProperties, TabsProperties } from './ContainerProperties.js';
import { FieldProperties } from './FieldProperties.js';
import { FormSettings } from './FormSettings.js';
import { GroupProperties } from './GroupProperties.js';

/** The properties of the selection: a node, the node owning a selected column or tab, or the form. */
export function PropertyPanel() {
  const { t } = useTranslation('formDesigner');
  const { form, entity, entities, language, selected } = useDesigner();
  const node = selected === null ? null : (findNode(form.layout, selected)?.node ?? containerOwner(form.layout, selected));
  const cell = selected === null || node ? null : findCell(form.layout, selected);
  const heading = cell
    ? `${localized(cell.group.title, language) || cell.group.key} › ${nodeLabel(cell.cell, entities[cell.group.entity] ?? null, language, t)}`
    : node ? targetName(node.id, form, entity, language, t) : t('properties.form');
  return (
    <aside className="fd-properties" aria-label={t('properties.panel')}>
      <h2 className="fd-panel-title">{t('properties.heading', { name: heading })}</h2>
      <div className="fd-properties__body" key={cell?.cell.id ?? node?.id ?? 'form'}>
        {cell && <FieldProperties node={cell.cell} group={cell.group} />}
        {node === null && cell === null && <FormSettings />}
        {node?.type === 'field' && <FieldProperties node={node} />}
        {node?.type === 'section' && <SectionProperties node={node} />}
        {node?.type === 'columns' && <ColumnsProperties node={node} />}
        {node?.type === 'tabs' && <TabsProperties node={node} />}
        {node?.type === 'repeatingGroup' && <GroupProperties node={node} />}
      </div>
    </aside>
  );
}
