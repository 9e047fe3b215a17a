import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ConnectorsModule } from '../connectors/connectors.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { EventsModule } from '../events/events.module.js';
import { FlowsModule } from '../flows/flows.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RecordsModule } from '../records/records.module.js';
import { AutomationActions } from './automation-actions.js';
import { AutomationIntake } from './automation-intake.js';
import { AutomationRunner } from './automation-runner.js';
import { AutomationScheduler } from './automation-scheduler.js';
import { AutomationsController } from './automations.controller.js';
import { AutomationsService } from './automations.service.js';

/** Automations: runs queued by domain events and inbound events, queued by schedules, run in the background with leases; their list, replay and test. */
@Module({
  imports: [ArtifactsModule, AuditModule, ConnectorsModule, DecisionsModule, EventsModule, FlowsModule, MetadataModule, RecordsModule],
  controllers: [AutomationsController],
  providers: [AutomationActions, AutomationIntake, AutomationRunner, AutomationScheduler, AutomationsService],
  exports: [AutomationRunner, AutomationScheduler],
})
export class AutomationsModule {}
