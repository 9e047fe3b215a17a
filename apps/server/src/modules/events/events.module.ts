import { Module } from '@nestjs/common';
import { DomainEventDispatcher } from './domain-event-dispatcher.js';
import { DomainEventSubscribers } from './domain-event-subscribers.js';

/** Domain events: written by records and flows in their own transactions, handed to subscribers after commit. */
@Module({
  providers: [DomainEventSubscribers, DomainEventDispatcher],
  exports: [DomainEventSubscribers, DomainEventDispatcher],
})
export class EventsModule {}
