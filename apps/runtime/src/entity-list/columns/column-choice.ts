import type { FieldDefinition } from '@bankforge/data-model';

/** Which columns are shown, by field key; a key absent follows the default (so new fields appear as designed). */
export type ColumnVisibility = Record<string, boolean>;

/** How many columns a list shows before the reader chooses. */
export const DEFAULT_VISIBLE_COLUMNS = 6;

export function columnStorageKey(entity: string): string {
  return `bankforge.runtime.columns.${entity}`;
}

/** The fields a list can show as columns (JSON documents do not fit a cell). */
export function listableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => field.type !== 'json');
}

/** The first few short fields are shown; long texts and the rest wait to be chosen. */
export function defaultVisibility(fields: readonly FieldDefinition[]): ColumnVisibility {
  const shown = new Set(
    fields
      .filter((field) => field.type !== 'longText')
      .slice(0, DEFAULT_VISIBLE_COLUMNS)
      .map((field) => field.key),
  );
  return Object.fromEntries(fields.map((field) => [field.key, shown.has(field.key)]));
}

/** The reader's saved choice over the default; unreadable or foreign entries are ignored. */
export function loadColumnChoice(storage: Pick<Storage, 'getItem'>, entity: string, fields: readonly FieldDefinition[]): ColumnVisibility {
  const visibility = defaultVisibility(fields);
  let saved: unknown;
  try {
    saved = JSON.parse(storage.getItem(columnStorageKey(entity)) ?? 'null');
  } catch {
    return visibility;
  }
  if (typeof saved !== 'object' || saved === null) return visibility;
  for (const [key, shown] of Object.entries(saved)) {
    if (key in visibility && typeof shown === 'boolean') visibility[key] = shown;
  }
  // A list always shows something.
  if (!Object.values(visibility).some(Boolean) && fields[0]) visibility[fields[0].key] = true;
  return visibility;
}

export function saveColumnChoice(storage: Pick<Storage, 'setItem'>, entity: string, visibility: ColumnVisibility): void {
  try {
    storage.setItem(columnStorageKey(entity), JSON.stringify(visibility));
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}

/** The keys of the shown columns, in the entity's field order. */
export function visibleKeys(fields: readonly FieldDefinition[], visibility: ColumnVisibility): string[] {
  return fields.filter((field) => visibility[field.key] !== false).map((field) => field.key);
}
