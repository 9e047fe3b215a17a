import type { ApprovalTask } from '@bankforge/client';

/** How a task's working time to its due time reads: whole business days from one working day on, else whole business hours, else under an hour. */
export type BusinessDue = { unit: 'days' | 'hours'; count: number } | { unit: 'underHour' };

/** Whole units, never more than is left (or than is late): 1.8 working days left is "1 business day". */
export function businessDue(dueIn: NonNullable<ApprovalTask['dueIn']>): BusinessDue {
  const minutes = Math.abs(dueIn.businessMinutes);
  if (dueIn.workingDayMinutes > 0 && minutes >= dueIn.workingDayMinutes) return { unit: 'days', count: Math.floor(minutes / dueIn.workingDayMinutes) };
  if (minutes >= 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'underHour' };
}
