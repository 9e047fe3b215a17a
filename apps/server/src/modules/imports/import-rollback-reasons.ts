import { failureReason } from '../../platform/problem/failure-reason.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

/** Why a rollback stopped or waits, as the job keeps it, in both languages. */
export interface RollbackReason {
  en: string;
  zh: string;
}

const KEPT = 'What was undone stays undone.';
const KEPT_ZH = '已撤销的更改保持撤销。';

/**
 * An attempt's failure fit to show: a refused write's problem code and field paths, else the
 * error's system code or class; never its message, which (a driver's) may quote a customer's value.
 */
export function failureCause(error: unknown): string {
  if (error instanceof ProblemError) {
    const fields = (error.errors ?? []).map((e) => `${e.path} ${e.code}`).join(', ');
    return (fields ? `${error.code}: ${fields}` : error.code).slice(0, 200);
  }
  return failureReason(error).slice(0, 200);
}

function waitSaid(seconds: number): RollbackReason {
  if (seconds < 60) return { en: `${seconds} seconds`, zh: `${seconds} 秒` };
  const minutes = Math.round(seconds / 60);
  return { en: minutes === 1 ? '1 minute' : `${minutes} minutes`, zh: `${minutes} 分钟` };
}

/** Attempt `failures` of `max` failed; the next one is due in `waitSeconds`. */
export function rollbackRetrying(failures: number, max: number, waitSeconds: number, cause: string): RollbackReason {
  const wait = waitSaid(waitSeconds);
  return {
    en: `Attempt ${failures} of ${max} of the rollback failed (${cause}); it will be tried again in ${wait.en}. ${KEPT}`,
    zh: `回滚第 ${failures} 次尝试失败（共 ${max} 次）（${cause}），将在 ${wait.zh}后重试。${KEPT_ZH}`,
  };
}

/** The last attempt failed: the job ends rollbackFailed until someone asks again. */
export function rollbackGaveUp(attempts: number, cause: string): RollbackReason {
  return {
    en: `The rollback failed ${attempts} times in a row (last: ${cause}) and has stopped. ${KEPT} Ask for the rollback again once the cause is fixed.`,
    zh: `回滚连续 ${attempts} 次失败（最后一次：${cause}），已停止。${KEPT_ZH}排除原因后可再次发起回滚。`,
  };
}

/** Whoever asked for the rollback no longer exists, was deactivated, or (a key) was revoked. */
export function requesterGone(): RollbackReason {
  return {
    en: `The person or API key that asked for the rollback no longer exists, was deactivated or was revoked, so the rollback has stopped. ${KEPT}`,
    zh: `发起回滚的人员或 API 密钥已不存在、已停用或已被吊销，回滚已停止。${KEPT_ZH}`,
  };
}

/** Whoever asked for the rollback no longer holds the import right on the entity. */
export function requesterCannotImport(): RollbackReason {
  return {
    en: `The person or API key that asked for the rollback no longer holds the import right on these records, so the rollback has stopped. ${KEPT}`,
    zh: `发起回滚的人员或 API 密钥已不再拥有这些记录的导入权限，回滚已停止。${KEPT_ZH}`,
  };
}

/**
 * Attempt `failures` of `max` was interrupted: the server running it stopped mid-way (a crash, out of
 * memory, killed) and its lease ran out. Tried again at once, or, the last allowed, the job ends rollbackFailed.
 */
export function rollbackInterrupted(failures: number, max: number): RollbackReason {
  if (failures >= max) {
    return {
      en: `The rollback failed ${failures} times in a row (last: interrupted, the server running it stopped mid-way, e.g. it crashed or ran out of memory) and has stopped. ${KEPT} Ask for the rollback again once the cause is fixed.`,
      zh: `回滚连续 ${failures} 次失败（最后一次：中断，执行回滚的服务器中途停止，例如崩溃或内存不足），已停止。${KEPT_ZH}排除原因后可再次发起回滚。`,
    };
  }
  return {
    en: `Attempt ${failures} of ${max} of the rollback was interrupted (the server running it stopped mid-way); it is being tried again. ${KEPT}`,
    zh: `回滚第 ${failures} 次尝试中断（共可尝试 ${max} 次）：执行回滚的服务器中途停止，正在重试。${KEPT_ZH}`,
  };
}
