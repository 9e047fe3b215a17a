import type { AutomationStepLog } from '@bankforge/client';
import { useTranslation } from 'react-i18next';

/**
 * A step's detail in the reader's language: its message (a code and values) translated, a wait's
 * end as a local date; the server's English text for failures and runs stored before messages.
 */
export function useStepDetail(): (step: AutomationStepLog) => string {
  const { t, i18n } = useTranslation('automationDesigner');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (step) => {
    if (!step.message) return step.detail;
    const { code, params } = step.message;
    const dueAt = typeof params.dueAt === 'string' && !Number.isNaN(Date.parse(params.dueAt)) ? date.format(new Date(params.dueAt)) : params.dueAt;
    // A round robin within a branch and a wait in working time say so: i18next's context picks `_branch`, `_calendar`.
    const context = params.branch !== undefined ? 'branch' : params.calendar !== undefined ? 'calendar' : undefined;
    return t(`steps.${code}`, { ...params, dueAt, context, defaultValue: step.detail });
  };
}
