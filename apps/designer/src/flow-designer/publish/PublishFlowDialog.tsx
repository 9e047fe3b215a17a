import type { ApiProblem, CaseMigrationPreview, MigrateCasesResult, PublishResult, UnmovableCase } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';
import { designerLanguage } from '../../form-designer/workspace/localized.js';
import './publish-flow.css';

export interface PublishFlowDialogProps {
  flowKey: string;
  flowName: string;
  /** The server's preview of the running cases; absent when it could not be had (`problem` says why). */
  preview?: CaseMigrationPreview;
  problem?: ApiProblem;
  /** The editor's publish: answers the new version, or null when the server refused (the toolbar says why). */
  publish(): Promise<PublishResult | null>;
  onClose(): void;
}

type Choice = 'move' | 'leave';
type Outcome = { version: number; moved?: MigrateCasesResult; failed?: ApiProblem };

/** "Publishing makes version 3. 12 running cases can move to v3; 2 cannot: ..." and the analyst's choice. */
export function PublishFlowDialog({ flowKey, flowName, preview, problem, publish, onClose }: PublishFlowDialogProps) {
  const { t, i18n } = useTranslation('flowVersions');
  const api = useApiClient();
  const id = useId();
  const movable = preview?.movable ?? 0;
  const [choice, setChoice] = useState<Choice>(movable > 0 ? 'move' : 'leave');
  const [busy, setBusy] = useState<'publishing' | 'moving' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const confirm = async () => {
    setBusy('publishing');
    const published = await publish();
    if (!published) {
      // Refused (a problem, a conflict): the toolbar shows why; this dialog has nothing more to say.
      onClose();
      return;
    }
    if (choice !== 'move' || movable === 0) {
      setBusy(null);
      setOutcome({ version: published.version });
      return;
    }
    setBusy('moving');
    try {
      setOutcome({ version: published.version, moved: await api.migrateCases(flowKey, { toVersion: published.version }) });
    } catch (error) {
      setOutcome({ version: published.version, failed: asProblem(error) });
    } finally {
      setBusy(null);
    }
  };

  if (outcome) return <OutcomeDialog flowName={flowName} outcome={outcome} onClose={onClose} />;
  const version = preview?.toVersion;
  const moveLabel = preview?.draft === false ? t('publish.moveOnly', { count: movable }) : choice === 'move' && movable > 0 ? t('publish.confirmMove') : t('publish.confirm');
  return (
    <Dialog title={t('publish.title', { flow: flowName })} onClose={onClose} busy={busy !== null} className="dialog-wide">
      {problem && (
        <p role="alert" className="error-text">
          {t('publish.checkFailed', { message: problem.detail || problem.title })}
        </p>
      )}
      {preview && version !== undefined && (
        <>
          <p>{preview.draft ? t('publish.newVersion', { version }) : t('publish.sameVersion', { version })}</p>
          <p>
            {t('publish.running', { count: preview.running })}{' '}
            {preview.byVersion.length > 1 && `(${preview.byVersion.map((v) => t('publish.byVersion', { count: v.running, version: v.version })).join(i18n.language.startsWith('zh') ? '，' : ', ')})`}
          </p>
          <p>
            <strong>{t('publish.movable', { count: movable, version })}</strong>
          </p>
          {preview.running > movable && <UnmovableList preview={preview} />}
          {movable > 0 && (
            <fieldset className="publish-flow-choice">
              <legend>{t('publish.choice')}</legend>
              <label>
                <input type="radio" name={`${id}-choice`} checked={choice === 'move'} onChange={() => setChoice('move')} aria-describedby={`${id}-move`} />
                {t('publish.move', { count: movable, version })}
              </label>
              <p id={`${id}-move`} className="help">
                {t('publish.moveHelp')}
              </p>
              <label>
                <input type="radio" name={`${id}-choice`} checked={choice === 'leave'} onChange={() => setChoice('leave')} aria-describedby={`${id}-leave`} />
                {t('publish.leave')}
              </label>
              <p id={`${id}-leave`} className="help">
                {t('publish.leaveHelp', { version })}
              </p>
            </fieldset>
          )}
        </>
      )}
      <p role="status">{busy === 'publishing' ? t('publish.publishing') : busy === 'moving' ? t('publish.moving') : ''}</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy !== null}>
          {moveLabel}
        </button>
        <button type="button" onClick={onClose} disabled={busy !== null}>
          {t('publish.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** The cases that cannot move, with why, in the reader's language; the record's title where the server told it. */
function UnmovableList({ preview }: { preview: CaseMigrationPreview }) {
  const { t, i18n } = useTranslation('flowVersions');
  const unmovable = preview.running - preview.movable;
  const unlisted = unmovable - preview.unmovable.length;
  return (
    <>
      <p>{preview.movable === 0 ? t('publish.unmovableAll', { count: unmovable, version: preview.toVersion }) : t('publish.unmovable', { count: unmovable })}</p>
      <ul className="publish-flow-unmovable">
        {preview.unmovable.map((c) => (
          <UnmovableItem key={c.id} item={c} language={designerLanguage(i18n.language)} />
        ))}
      </ul>
      {unlisted > 0 && <p>{t('publish.unlisted', { count: unlisted })}</p>}
    </>
  );
}

function UnmovableItem({ item, language }: { item: UnmovableCase; language: 'en' | 'zh-CN' }) {
  const { t } = useTranslation('flowVersions');
  const shortId = item.id.slice(0, 8);
  return (
    <li>
      <strong title={item.id}>{item.recordTitle ? t('publish.caseTitled', { title: item.recordTitle, id: shortId }) : t('publish.caseName', { id: shortId })}</strong>{' '}
      <span className="help">{t('publish.onVersion', { version: item.fromVersion })}</span>: {item.reasons.map((r) => r.text[language] || r.text.en).join(' ')}
    </li>
  );
}

function OutcomeDialog({ flowName, outcome, onClose }: { flowName: string; outcome: Outcome; onClose(): void }) {
  const { t } = useTranslation('flowVersions');
  const { version, moved, failed } = outcome;
  return (
    <Dialog title={t('publish.title', { flow: flowName })} onClose={onClose}>
      <p role="status">
        {t('publish.published', { version })}{' '}
        {moved ? `${t('publish.moved', { count: moved.moved.length, version })}${moved.notMoved > 0 ? ` ${t('publish.stayed', { count: moved.notMoved })}` : ''}` : failed ? '' : t('publish.left')}
      </p>
      {failed && (
        <p role="alert" className="error-text">
          {t('publish.moveFailed', { version, message: failed.detail || failed.title })}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={onClose}>
          {t('publish.close')}
        </button>
      </div>
    </Dialog>
  );
}
