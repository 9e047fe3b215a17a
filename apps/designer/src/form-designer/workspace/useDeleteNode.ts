import { findCell, findNode, ROOT } from '../tree/form-tree.js';
import { useDesigner } from './DesignerContext.js';
import { focusTarget } from './focus-target.js';
import { deleteNode } from './form-actions.js';

/**
 * Deletes a node (or a group's column); its container (the group) becomes the selection and takes
 * the focus, so the keyboard user stays in place.
 */
export function useDeleteNode(): (id: string) => void {
  const { form, change, select } = useDesigner();
  return (id) => {
    const location = findNode(form.layout, id);
    const cell = location ? null : findCell(form.layout, id);
    if (!location && !cell) return;
    change((f) => deleteNode(f, id));
    const container = cell ? cell.group.id : location!.container === ROOT ? null : location!.container;
    select(container);
    focusTarget(container);
  };
}
