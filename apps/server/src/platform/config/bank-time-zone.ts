/** The bank's time zone unless BANKFORGE_TIME_ZONE names another (mainland China by default). */
export const DEFAULT_BANK_TIME_ZONE = 'Asia/Shanghai';

/**
 * The IANA time zone the bank's calendar days are counted in (a loan number's month, a daily
 * sequence): `BANKFORGE_TIME_ZONE`, else Asia/Shanghai. A zone the runtime does not know stops
 * the start-up rather than numbering records on the wrong day.
 */
export function bankTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.BANKFORGE_TIME_ZONE?.trim() || DEFAULT_BANK_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch (error) {
    throw new Error(`BANKFORGE_TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got ${zone}`, { cause: error });
  }
  return zone;
}
