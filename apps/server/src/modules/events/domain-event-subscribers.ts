import { Injectable } from '@nestjs/common';
import type { DomainEvent } from './domain-events.js';

/** Handles one event; a throw (or rejection) has the event delivered again later. */
export type DomainEventHandler = (event: DomainEvent) => void | Promise<void>;

/**
 * Whether a subscriber has anything to do with this event (it sees the event without its
 * `changes`): only the subscribers that want an event are handed it, and an event none wants is
 * settled without a lease, a delivery or its changes read (an import's thousands of events mostly
 * match no trigger or webhook).
 */
export type WantsEvent = (event: Omit<DomainEvent, 'changes'>) => boolean | Promise<boolean>;

/**
 * Where in-process features (automations, webhooks) hear of domain events after commit. Each
 * event reaches every subscriber that wants it at least once: when one throws, the event is
 * delivered again to all that want it then, so a handler keys what it does on the event's id.
 */
@Injectable()
export class DomainEventSubscribers {
  private readonly handlers = new Map<string, { handle: DomainEventHandler; wants: WantsEvent }>();

  /**
   * Subscribes `handler` under a name of its own; answers how to unsubscribe. `wants` says which
   * events it is handed (all, unless it says).
   */
  subscribe(name: string, handler: DomainEventHandler, wants: WantsEvent = () => true): () => void {
    if (this.handlers.has(name)) throw new Error(`a domain event subscriber named ${name} is already subscribed`);
    const subscriber = { handle: handler, wants };
    this.handlers.set(name, subscriber);
    return () => {
      if (this.handlers.get(name) === subscriber) this.handlers.delete(name);
    };
  }

  /** The names of the subscribers that want the event. */
  async wanting(event: Omit<DomainEvent, 'changes'>): Promise<string[]> {
    const names: string[] = [];
    for (const [name, { wants }] of [...this.handlers]) if (await wants(event)) names.push(name);
    return names;
  }

  /** Hands the event to each of the named subscribers still subscribed, in turn; the first throw stops the delivery. */
  async deliver(event: DomainEvent, to: readonly string[]): Promise<void> {
    for (const name of to) await this.handlers.get(name)?.handle(event);
  }
}
