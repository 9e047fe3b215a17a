// The editing core every designer shares: load/save/publish a draft with undo, redo and shortcuts.
export { useArtifactEditor, type ArtifactEditor, type EditableArtifact, type EditorOutcome, type PublishState } from './useArtifactEditor.js';
export { useDesignerShortcuts, type DesignerShortcutActions } from './useDesignerShortcuts.js';
export { HISTORY_LIMIT } from './history.js';
export { LeaveGuard } from './LeaveGuard.js';
export { LoadFailed } from './LoadFailed.js';
