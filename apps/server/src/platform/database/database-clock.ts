import type { Dialect } from '../config/server-config.js';

/**
 * The database's clock as SQL, `plusSeconds` ahead, in the stored datetime form: leases and due
 * times of timers and the outbox are on it, whichever replica (with whichever clock) writes them.
 */
export function databaseNow(on: { readonly dialect: Dialect }, plusSeconds = 0): string {
  if (on.dialect === 'mysql') return plusSeconds === 0 ? 'UTC_TIMESTAMP(6)' : `UTC_TIMESTAMP(6) + INTERVAL ${plusSeconds} SECOND`;
  return plusSeconds === 0 ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : `strftime('%Y-%m-%d %H:%M:%f', 'now', '+${plusSeconds} seconds')`;
}
