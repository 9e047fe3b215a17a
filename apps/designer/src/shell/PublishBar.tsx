import { currentPath, loginUrl } from '@bankforge/app-shell';
import { useTranslation } from 'react-i18next';
import type { ArtifactEditor, EditableArtifact } from './artifact-editor/index.js';
import { ConflictNotice } from './publish/ConflictNotice.js';
import { ProblemList } from './publish/ProblemList.js';
import { StateBadge } from './publish/StateBadge.js';

/** The part of an artifact editor the bar drives (independent of the document type). */
export type PublishControls = Pick<
  ArtifactEditor<EditableArtifact>,
  | 'status'
  | 'error'
  | 'isNew'
  | 'dirty'
  | 'publishState'
  | 'latestVersion'
  | 'save'
  | 'saving'
  | 'publish'
  | 'publishing'
  | 'outcome'
  | 'problems'
  | 'conflict'
  | 'reload'
  | 'overwrite'
  | 'undo'
  | 'redo'
  | 'canUndo'
  | 'canRedo'
>;

export interface PublishBarProps {
  editor: PublishControls;
  /** Replaces the plain publish (the data-model designer first shows the migration plan). */
  onPublish?: () => void;
  /** Undo and redo buttons (on by default). */
  historyButtons?: boolean;
  /** Why Publish is unavailable (the editor's own check found errors): the button is disabled and says why. */
  publishBlocked?: string;
  /** Where a refused save's or publish's problem is, in words (its JSON Pointer then only a tooltip); a pointer it has no words for shows as sent. */
  problemPlace?: (path: string) => string | undefined;
}

/** An editor's toolbar: state badge, undo/redo, Save and Publish with progress, and why the server refused. */
export function PublishBar({ editor, onPublish, historyButtons = true, publishBlocked, problemPlace }: PublishBarProps) {
  const { t } = useTranslation('shell');
  const busy = editor.saving || editor.publishing;
  const outcome = editor.outcome;
  const notice =
    outcome === null ? null
    : outcome.kind === 'saved' ? t('editor.saved')
    : t(outcome.unchanged ? 'editor.unchanged' : 'editor.published', { version: outcome.version });
  const publish = () => (onPublish ? onPublish() : void editor.publish());

  return (
    <div className="publish-bar">
      <div role="toolbar" aria-label={t('editor.toolbar')} className="toolbar">
        <StateBadge state={editor.publishState} latestVersion={editor.latestVersion} />
        {(editor.dirty || editor.isNew) && <span className="badge badge-unsaved">{t(editor.isNew ? 'state.new' : 'state.unsaved')}</span>}
        <span className="toolbar-spacer" />
        {historyButtons && (
          <>
            <button type="button" onClick={editor.undo} disabled={!editor.canUndo} aria-keyshortcuts="Control+Z">
              {t('editor.undo')}
            </button>
            <button type="button" onClick={editor.redo} disabled={!editor.canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y">
              {t('editor.redo')}
            </button>
          </>
        )}
        <button type="button" onClick={() => void editor.save()} disabled={busy || editor.status !== 'ready' || (!editor.dirty && !editor.isNew)} aria-keyshortcuts="Control+S">
          {t('editor.save')}
        </button>
        <button type="button" className="primary" onClick={publish} disabled={busy || editor.status !== 'ready' || publishBlocked !== undefined} aria-describedby={publishBlocked !== undefined ? 'publish-blocked' : undefined}>
          {t('editor.publish')}
        </button>
      </div>
      {publishBlocked !== undefined && <p id="publish-blocked" className="help">{publishBlocked}</p>}
      <div role="status" aria-live="polite" className="publish-status">
        {editor.saving ? t('editor.saving') : editor.publishing ? t('editor.publishing') : notice}
      </div>
      {editor.error && editor.status === 'ready' && (
        <p role="alert" className="notice notice-error">
          {editor.error.status === 401 ? (
            <>
              {t('editor.signedOut')}{' '}
              <a href={loginUrl(currentPath(window.location))} target="_blank" rel="noopener">
                {t('editor.signIn')}
              </a>
            </>
          ) : (
            t('editor.failed', { message: editor.error.detail || editor.error.title })
          )}
        </p>
      )}
      {editor.problems.length > 0 && (
        <div role="alert" className="notice notice-error">
          <strong>{t('editor.problems', { count: editor.problems.length })}</strong>
          <ProblemList problems={editor.problems} placeOf={problemPlace} />
        </div>
      )}
      {outcome?.kind === 'published' && outcome.warnings.length > 0 && (
        <div role="status" className="notice notice-warning">
          <strong>{t('editor.warnings', { count: outcome.warnings.length })}</strong>
          <ProblemList problems={outcome.warnings} placeOf={problemPlace} />
        </div>
      )}
      {editor.conflict && <ConflictNotice busy={busy} onReload={editor.reload} onOverwrite={() => void editor.overwrite()} />}
    </div>
  );
}
