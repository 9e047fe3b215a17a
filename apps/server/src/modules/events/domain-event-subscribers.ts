import { Injectable } from '@nestjs/common';
import type { DomainEvent } from './domain-events.js';

/** Handles one event; a throw (or rejection) has the event delivered again later. */
export type DomainEventHandler = (event: DomainEvent) => void | Promise<void>;

/**
 * Whether a subscriber reads this event's `changes`: the dispatcher loads them only for the events
 * some subscriber reads (an import's thousands of events mostly match no trigger or webhook). It
 * sees the event without them.
 */
export type ReadsChanges = (event: Omit<DomainEvent, 'changes'>) => boolean | Promise<boolean>;

/**
 * Where in-process features (automations, webhooks) hear of domain events after commit. Each
 * event reaches every subscriber at least once: when one throws, the event is delivered again to
 * all of them, so a handler keys what it does on the event's id.
 */
@Injectable()
export class DomainEventSubscribers {
  private readonly handlers = new Map<string, { handle: DomainEventHandler; readsChanges: ReadsChanges }>();

  /**
   * Subscribes `handler` under a name of its own; answers how to unsubscribe. `readsChanges` says
   * for which events it reads `changes` (all, unless it says).
   */
  subscribe(name: string, handler: DomainEventHandler, readsChanges: ReadsChanges = () => true): () => void {
    if (this.handlers.has(name)) throw new Error(`a domain event subscriber named ${name} is already subscribed`);
    const subscriber = { handle: handler, readsChanges };
    this.handlers.set(name, subscriber);
    return () => {
      if (this.handlers.get(name) === subscriber) this.handlers.delete(name);
    };
  }

  /** Whether any subscriber reads the event's changes. */
  async readsChanges(event: Omit<DomainEvent, 'changes'>): Promise<boolean> {
    for (const { readsChanges } of [...this.handlers.values()]) if (await readsChanges(event)) return true;
    return false;
  }

  /** Hands the event to each subscriber in turn; the first throw stops the delivery. */
  async deliver(event: DomainEvent): Promise<void> {
    for (const { handle } of [...this.handlers.values()]) await handle(event);
  }
}
