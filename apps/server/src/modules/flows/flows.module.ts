import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ConnectorsModule } from '../connectors/connectors.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { MetadataModule } from '../metadata/metadata.module.js';
import { RecordsModule } from '../records/records.module.js';
import { CaseMigrations } from './case-migrations.js';
import { FlowAutoStart } from './flow-auto-start.js';
import { FlowCalendarController } from './flow-calendar.controller.js';
import { FlowContextLoader } from './flow-context.js';
import { FlowOutboxDeliveries } from './flow-outbox-deliveries.js';
import { FlowOutboxDispatcher } from './flow-outbox-dispatcher.js';
import { FlowRunner } from './flow-runner.js';
import { FlowTimers } from './flow-timers.js';
import { FlowsController, NotificationsController, TasksController } from './flows.controller.js';
import { FlowsService } from './flows.service.js';
import { Notifications } from '../notifications/notifications.js';
import { PeopleController } from './people.controller.js';
import { PeopleSearch } from './people-search.js';
import { PeopleDirectory, PeopleNames } from './people.js';
import { TaskInbox } from './task-inbox.js';

/** Approval flows that run: cases on records, the task inbox, durable timers, the outbox, notifications. */
@Module({
  imports: [ArtifactsModule, RecordsModule, MetadataModule, AuditModule, DecisionsModule, ConnectorsModule],
  controllers: [FlowsController, FlowCalendarController, TasksController, NotificationsController, PeopleController],
  providers: [CaseMigrations, FlowAutoStart, FlowContextLoader, FlowRunner, FlowsService, TaskInbox, Notifications, FlowTimers, PeopleNames, PeopleDirectory, PeopleSearch, FlowOutboxDeliveries, FlowOutboxDispatcher],
  exports: [FlowsService, FlowTimers, FlowOutboxDispatcher, FlowRunner],
})
export class FlowsModule {}
