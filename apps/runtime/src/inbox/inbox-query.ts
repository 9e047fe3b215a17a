import type { TaskInboxQuery } from '@bankforge/client';

export type InboxScope = 'mine' | 'claimable';

/** The inbox filters as typed: amounts stay text until they are amounts. */
export interface InboxFilters {
  /** A flow key, `''` for all flows. */
  flow: string;
  overdueOnly: boolean;
  minAmount: string;
  maxAmount: string;
}

export const NO_FILTERS: InboxFilters = { flow: '', overdueOnly: false, minAmount: '', maxAmount: '' };
export const INBOX_PAGE_SIZE = 25;

/** An amount of money as the inbox filters on it: up to 16 digits and 2 decimals. */
const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

/** An amount as the API takes it (a decimal string; grouping commas and spaces allowed when typed), or null when it is none. */
export function amountOf(text: string): string | null {
  const plain = text.replace(/[,\s]/g, '');
  return AMOUNT.test(plain) ? plain : null;
}

/** Whether a typed amount can be used: empty, or an amount. */
export function amountUsable(text: string): boolean {
  return text.trim() === '' || amountOf(text) !== null;
}

export function hasFilters(filters: InboxFilters): boolean {
  return filters.flow !== '' || filters.overdueOnly || amountOf(filters.minAmount) !== null || amountOf(filters.maxAmount) !== null;
}

/** The first page's query of a tab under the filters; an amount that is none is left out (the page says so). */
export function inboxQuery(scope: InboxScope, filters: InboxFilters, limit: number = INBOX_PAGE_SIZE): TaskInboxQuery {
  const min = amountOf(filters.minAmount);
  const max = amountOf(filters.maxAmount);
  return {
    scope,
    ...(filters.flow === '' ? {} : { flow: filters.flow }),
    ...(filters.overdueOnly ? { overdue: true } : {}),
    ...(min === null ? {} : { minAmount: min }),
    ...(max === null ? {} : { maxAmount: max }),
    limit,
  };
}
