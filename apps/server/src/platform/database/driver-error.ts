/** What the database driver said, under TypeORM's wrapping if any. */
export function driverError(error: unknown): { code?: string; errno?: number; message?: string; sqlMessage?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const inner = (error as { driverError?: unknown }).driverError ?? error;
  return typeof inner === 'object' && inner !== null ? (inner as { code?: string; errno?: number; message?: string }) : undefined;
}

/** Whether a statement failed on our own signal with this text: MySQL's SIGNAL, SQLite's RAISE, never a value echoed in another error. */
export function isSignal(error: unknown, text: string): boolean {
  const driver = driverError(error);
  if (driver?.errno === 1644) return driver.sqlMessage === text;
  return driver?.code === 'SQLITE_CONSTRAINT_TRIGGER' && driver.message === text;
}

/** Whether an INSERT failed because its primary or unique key is taken. */
export function isDuplicateKey(error: unknown): boolean {
  const driver = driverError(error);
  return driver?.errno === 1062 || driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || driver?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Whether the database gave up on a unit of work because of concurrent ones, so that running the
 * same work again may succeed: a MySQL/MariaDB deadlock victim (1213) or lock wait timeout
 * (1205), or SQLite's busy database (another process holds the write lock past busy_timeout).
 * InnoDB rolls back the whole transaction of a deadlock victim; after a lock wait timeout only the
 * statement is, but the transaction wrapper rolls back the rest, so both leave nothing behind.
 */
export function isContention(error: unknown): boolean {
  const driver = driverError(error);
  if (driver?.errno === 1213 || driver?.errno === 1205) return true;
  return driver?.code === 'SQLITE_BUSY' || (driver?.code?.startsWith('SQLITE_BUSY_') ?? false);
}
