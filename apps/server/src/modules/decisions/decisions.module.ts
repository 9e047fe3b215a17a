import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { DecisionBacktests } from './decision-backtests.js';
import { DecisionCatalog } from './decision-catalog.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';
import { DecisionEvaluationLog } from './evaluation-log.js';

/** Published decisions evaluated (the API, flows' decision steps), their evaluation log, and backtests of drafts. */
@Module({
  imports: [ArtifactsModule, AuditModule],
  controllers: [DecisionsController],
  providers: [DecisionCatalog, DecisionEvaluationLog, DecisionsService, DecisionBacktests],
  exports: [DecisionCatalog, DecisionEvaluationLog],
})
export class DecisionsModule {}
