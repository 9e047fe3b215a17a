/** FEEL fragments the example's automations share: `now` is an ISO instant (UTC) in an automation's scope. */

/** Today's date, `days` ahead, as FEEL (UTC dates, as the relative-date filters count them). */
export function daysFromToday(days: number): string {
  return `date(substring(now, 1, 10)) + duration("P${days}D")`;
}
