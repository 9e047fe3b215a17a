import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ConnectorCalls } from './connector-calls.js';
import { ConnectorStore } from './connector-store.js';
import { ConnectorsController } from './connectors.controller.js';

/**
 * Connectors: named HTTP connections administrators manage; `ConnectorCalls` is what flows and
 * automations send through, `ConnectorStore.allowedHosts` the private hosts webhooks may reach too.
 */
@Module({ imports: [AuditModule], controllers: [ConnectorsController], providers: [ConnectorStore, ConnectorCalls], exports: [ConnectorCalls, ConnectorStore] })
export class ConnectorsModule {}
