import { useTranslation } from 'react-i18next';
import { childrenOf, findCell, findNode } from '../tree/form-tree.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { focusTarget } from '../workspace/focus-target.js';
import { shiftNode } from '../workspace/form-actions.js';
import { useDeleteNode } from '../workspace/useDeleteNode.js';

/** Move up, Move down and Delete for the selected node (Delete also for a group's column): the mouse-free way to rearrange. */
export function SelectionActions() {
  const { t } = useTranslation('formDesigner');
  const { form, selected, change } = useDesigner();
  const deleteNode = useDeleteNode();
  const location = selected === null ? null : findNode(form.layout, selected);
  // A group's column is not moved here (its order is the group's field list), but it can be removed.
  const cell = selected === null || location ? null : findCell(form.layout, selected);
  const count = location ? (childrenOf(form.layout, location.container)?.length ?? 0) : 0;
  const shift = (by: -1 | 1) => {
    if (!location) return;
    const id = location.node.id;
    change((f) => shiftNode(f, id, by) ?? f);
    focusTarget(id);
  };
  return (
    <div className="fd-selection-actions" role="toolbar" aria-label={t('canvas.selectionActions')}>
      <button type="button" disabled={!location || location.index === 0} onClick={() => shift(-1)}>
        {t('canvas.moveUp')}
      </button>
      <button type="button" disabled={!location || location.index >= count - 1} onClick={() => shift(1)}>
        {t('canvas.moveDown')}
      </button>
      <button type="button" disabled={!location && !cell} onClick={() => selected !== null && deleteNode(selected)}>
        {t('canvas.delete')}
      </button>
    </div>
  );
}
