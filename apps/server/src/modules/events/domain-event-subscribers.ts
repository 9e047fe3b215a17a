import { Injectable } from '@nestjs/common';
import type { DomainEvent } from './domain-events.js';

/** Handles one event; a throw (or rejection) has the event delivered again later. */
export type DomainEventHandler = (event: DomainEvent) => void | Promise<void>;

/**
 * Where in-process features (automations, webhooks) hear of domain events after commit. Each
 * event reaches every subscriber at least once: when one throws, the event is delivered again to
 * all of them, so a handler keys what it does on the event's id.
 */
@Injectable()
export class DomainEventSubscribers {
  private readonly handlers = new Map<string, DomainEventHandler>();

  /** Subscribes `handler` under a name of its own; answers how to unsubscribe. */
  subscribe(name: string, handler: DomainEventHandler): () => void {
    if (this.handlers.has(name)) throw new Error(`a domain event subscriber named ${name} is already subscribed`);
    this.handlers.set(name, handler);
    return () => {
      if (this.handlers.get(name) === handler) this.handlers.delete(name);
    };
  }

  /** Hands the event to each subscriber in turn; the first throw stops the delivery. */
  async deliver(event: DomainEvent): Promise<void> {
    for (const handler of [...this.handlers.values()]) await handler(event);
  }
}
