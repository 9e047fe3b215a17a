import type { DashboardDefinition } from '@bankforge/report-engine';

/** Applies an edit to the draft; edits with the same label in a row (typing in one box) are one undo step. */
export type DashboardChange = (recipe: (dashboard: DashboardDefinition) => DashboardDefinition, label?: string) => void;
