/** Drag ids of palette entries; canvas nodes drag under their own node ids. */
import type { PaletteEntry } from '../workspace/form-actions.js';
import { CONTAINER_TYPES, type ContainerType } from '../tree/new-nodes.js';

const PALETTE_PREFIX = 'palette:';

export function paletteDragId(entry: PaletteEntry): string {
  return entry.kind === 'field' ? `${PALETTE_PREFIX}field:${entry.field}` : `${PALETTE_PREFIX}container:${entry.type}`;
}

export function paletteEntryOf(dragId: string): PaletteEntry | null {
  if (!dragId.startsWith(PALETTE_PREFIX)) return null;
  const rest = dragId.slice(PALETTE_PREFIX.length);
  if (rest.startsWith('field:')) return { kind: 'field', field: rest.slice('field:'.length) };
  const type = rest.slice('container:'.length);
  return (CONTAINER_TYPES as readonly string[]).includes(type) ? { kind: 'container', type: type as ContainerType } : null;
}
