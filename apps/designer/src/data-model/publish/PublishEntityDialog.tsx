import type { ApiProblem, MigrationPlan, PublishResult } from '@bankforge/client';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { PublishControls } from '../../shell/PublishBar.js';
import { Dialog } from '@bankforge/app-shell';
import { ProblemList } from '../../shell/publish/ProblemList.js';

export interface PublishEntityDialogProps {
  entityKey: string;
  title: string;
  editor: Pick<PublishControls, 'save' | 'publish' | 'publishing' | 'problems' | 'error'>;
  onClose: () => void;
  onPublished: (result: PublishResult) => void;
  /** Where a refused plan's or publish's problem is, in words (the publish bar's `problemPlace`). */
  placeOf?: (path: string) => string | undefined;
}

type Plan = { status: 'planning' } | { status: 'ready'; plan: MigrationPlan } | { status: 'failed'; error: ApiProblem | null };

/**
 * Publishing an entity changes its table. The dialog saves the draft, shows the server's migration
 * plan, and for a plan that loses data requires an explicit acknowledgement before publishing.
 */
export function PublishEntityDialog({ entityKey, title, editor, onClose, onPublished, placeOf }: PublishEntityDialogProps) {
  const { t } = useTranslation('dataModel');
  const api = useApiClient();
  const id = useId();
  const [plan, setPlan] = useState<Plan>({ status: 'planning' });
  const [accepted, setAccepted] = useState(false);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    let current = true;
    void (async () => {
      // The plan is made from the stored draft, so unsaved edits are saved first.
      if (!(await editor.save())) {
        if (current) setPlan({ status: 'failed', error: null });
        return;
      }
      try {
        const made = await api.plan(entityKey);
        if (current) setPlan({ status: 'ready', plan: made });
      } catch (error) {
        if (current) setPlan({ status: 'failed', error: asProblem(error) });
      }
    })();
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- planned once, when the dialog opens (editor and api are stable for its lifetime)
  }, []);

  const lossy = plan.status === 'ready' ? plan.plan.lossy : [];
  const publish = async () => {
    setRefused(false);
    const result = await editor.publish(lossy.length > 0);
    if (result) onPublished(result);
    else setRefused(true);
  };

  return (
    <Dialog title={t('publish.title', { title })} onClose={onClose} className="dialog-wide">
      {plan.status === 'planning' && <p role="status">{t('publish.planning')}</p>}
      {plan.status === 'failed' && (
        <div role="alert" className="notice notice-error">
          {plan.error && t('publish.planFailed', { message: plan.error.detail || plan.error.title })}
          <ProblemList problems={plan.error?.errors ?? editor.problems} placeOf={placeOf} />
          {!plan.error && editor.error && <p>{editor.error.detail || editor.error.title}</p>}
        </div>
      )}
      {plan.status === 'ready' && (
        <>
          {plan.plan.summary.length === 0 ? (
            <p>{t('publish.noSteps')}</p>
          ) : (
            <>
              <p>{t('publish.steps')}</p>
              <ul className="plan-steps">
                {plan.plan.summary.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          )}
          {lossy.length > 0 && (
            <div className="notice notice-warning" role="group" aria-labelledby={`${id}-lossy`}>
              <strong id={`${id}-lossy`}>{t('publish.lossyTitle')}</strong>
              <p>{t('publish.lossyIntro')}</p>
              <ul className="lossy-changes">
                {lossy.map((change) => (
                  <li key={`${change.fieldId}-${change.change}`}>
                    <span className="badge badge-error">{t(`publish.lossyChange.${change.change}`)}</span> <code>{change.key}</code> {change.detail}
                  </li>
                ))}
              </ul>
              <div className="form-row form-row-check">
                <input id={`${id}-accept`} type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
                <label htmlFor={`${id}-accept`}>{t('publish.acceptLoss')}</label>
              </div>
            </div>
          )}
          {refused && (
            <div role="alert" className="notice notice-error">
              {editor.error && <p>{editor.error.detail || editor.error.title}</p>}
              <ProblemList problems={editor.problems} placeOf={placeOf} />
            </div>
          )}
        </>
      )}
      <div className="button-row">
        {plan.status === 'ready' && (
          <button type="button" className={lossy.length > 0 ? 'danger' : 'primary'} disabled={editor.publishing || (lossy.length > 0 && !accepted)} onClick={() => void publish()}>
            {lossy.length > 0 ? t('publish.confirmLossy') : t('publish.confirm')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('publish.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
