/** The documents an editor can step back and forth through. Documents are immutable snapshots. */
export interface History<D> {
  readonly past: readonly D[];
  readonly present: D;
  readonly future: readonly D[];
  /** The label of the last change, so consecutive changes of one property merge into one step. */
  readonly lastLabel: string | undefined;
}

/** Enough steps to undo a working session; older ones are dropped so memory stays bounded. */
export const HISTORY_LIMIT = 100;

export function startHistory<D>(present: D): History<D> {
  return { past: [], present, future: [], lastLabel: undefined };
}

/**
 * Records a change. A change with the same label as the previous one (typing in one property)
 * replaces the present instead of adding a step, so one undo takes back the whole word.
 */
export function record<D>(history: History<D>, next: D, label?: string, limit = HISTORY_LIMIT): History<D> {
  if (next === history.present) return history;
  if (label !== undefined && label === history.lastLabel && history.future.length === 0) {
    return { ...history, present: next };
  }
  const past = [...history.past, history.present];
  return { past: past.slice(Math.max(0, past.length - limit)), present: next, future: [], lastLabel: label };
}

export function undo<D>(history: History<D>): History<D> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastLabel: undefined };
}

export function redo<D>(history: History<D>): History<D> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastLabel: undefined };
}

/** Ends the current coalescing run (after a save, the next keystroke starts a new step). */
export function seal<D>(history: History<D>): History<D> {
  return history.lastLabel === undefined ? history : { ...history, lastLabel: undefined };
}
