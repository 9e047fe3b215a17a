/**
 * Tells the header's counters (inbox, notifications) that something changed them here (a task
 * claimed or acted on, a notification read), so they ask again at once instead of at the next tick.
 */
const target = new EventTarget();
const EVENT = 'approvals-changed';

export function approvalsChanged(): void {
  target.dispatchEvent(new Event(EVENT));
}

export function onApprovalsChanged(listener: () => void): () => void {
  target.addEventListener(EVENT, listener);
  return () => target.removeEventListener(EVENT, listener);
}
