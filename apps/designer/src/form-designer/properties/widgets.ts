import type { WidgetType } from '@bankforge/form-engine';

/** Widgets that show a choice of options, and so take an option source. */
export const CHOICE_WIDGETS: ReadonlySet<WidgetType> = new Set(['select', 'radio', 'multiSelect', 'checkboxes', 'lookup']);
