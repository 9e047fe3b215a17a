import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ConnectorsModule } from '../connectors/connectors.module.js';
import { EventsModule } from '../events/events.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { WebhookDeliveries } from './webhook-deliveries.js';
import { WebhookDeliveryLog } from './webhook-delivery-log.js';
import { WebhookIntake } from './webhook-intake.js';
import { WebhookStore } from './webhook-store.js';
import { WebhooksController } from './webhooks.controller.js';

/** Outbound webhooks: subscriptions to domain events, signed deliveries with retries, their log and replay. */
@Module({
  imports: [AuditModule, AuthModule, EventsModule, ConnectorsModule, MetadataModule],
  controllers: [WebhooksController],
  providers: [WebhookStore, WebhookIntake, WebhookDeliveries, WebhookDeliveryLog],
  exports: [WebhookDeliveries],
})
export class WebhooksModule {}
