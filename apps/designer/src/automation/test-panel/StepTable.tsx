import type { AutomationStepLog } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { useStepDetail } from './step-detail.js';
import { useAutomationEditing } from '../ui/editing-context.js';

/**
 * Each action's outcome: named as the designer numbers it when the action is still in the draft, else
 * by its id; its detail with the fields and tags of `entity` (the record's) by their labels.
 */
export function StepTable({ caption, steps, entity }: { caption: string; steps: readonly AutomationStepLog[]; entity: string | null | undefined }) {
  const { t } = useTranslation('automationDesigner');
  const { document } = useAutomationEditing();
  const detailOf = useStepDetail(entity);
  const nameOf = (actionId: string) => {
    const index = document.actions.findIndex((a) => a.id === actionId);
    return index < 0 ? actionId : t('actions.name', { number: index + 1, type: t(`actions.types.${document.actions[index]!.type}`) });
  };
  return (
    <table className="data-table automation-steps">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('test.columns.action')}</th>
          <th scope="col">{t('test.columns.status')}</th>
          <th scope="col">{t('test.columns.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step, i) => (
          <tr key={`${step.actionId}-${i}`}>
            <th scope="row">{nameOf(step.actionId)}</th>
            <td>
              <span className={`badge automation-step--${step.status}`}>{t(`stepStatus.${step.status}`)}</span>
            </td>
            <td>{detailOf(step)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
