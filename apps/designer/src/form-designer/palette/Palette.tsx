import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paletteDragId } from '../dnd/drag-ids.js';
import { placedFields } from '../tree/form-tree.js';
import { CONTAINER_TYPES } from '../tree/new-nodes.js';
import { insertionPoint } from '../tree/placement.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { nodeFor, placeNode, type PaletteEntry } from '../workspace/form-actions.js';
import { localized } from '../workspace/localized.js';
import { CONTAINER_LABEL_KEYS, targetName } from '../workspace/target-name.js';
import { PaletteItem } from './PaletteItem.js';

/** Layout containers and the entity's fields, to add to the form. */
export function Palette() {
  const { t } = useTranslation('formDesigner');
  const { form, entity, language, selected, change, select } = useDesigner();
  const placed = placedFields(form.layout);
  // Adding by keyboard leaves the focus in the palette: say where the item went.
  const [added, setAdded] = useState('');

  const add = (entry: PaletteEntry) => {
    const node = nodeFor(form, entry);
    const at = insertionPoint(form.layout, selected);
    change((f) => placeNode(f, node, at));
    // The new node is selected: a new container receives the next add, a new field is followed by it.
    select(node.id);
    setAdded(t('palette.added', { name: targetName(paletteDragId(entry), form, entity, language, t), target: targetName(at.container, form, entity, language, t) }));
  };

  return (
    <aside className="fd-palette" aria-label={t('palette.label')}>
      <h2 className="fd-panel-title">{t('palette.layout')}</h2>
      <ul className="fd-palette__list">
        {CONTAINER_TYPES.map((type) => (
          <PaletteItem key={type} entry={{ kind: 'container', type }} label={t(CONTAINER_LABEL_KEYS[type])} onAdd={() => add({ kind: 'container', type })} />
        ))}
      </ul>
      <h2 className="fd-panel-title">{t('palette.fields')}</h2>
      {entity === null ? (
        <p role="status">{t('palette.loadingFields')}</p>
      ) : (
        <ul className="fd-palette__list">
          {entity.fields.map((field) => (
            <PaletteItem
              key={field.key}
              entry={{ kind: 'field', field: field.key }}
              label={localized(field.label, language) || field.key}
              placed={placed.has(field.key)}
              onAdd={() => add({ kind: 'field', field: field.key })}
            />
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {added}
      </p>
    </aside>
  );
}
