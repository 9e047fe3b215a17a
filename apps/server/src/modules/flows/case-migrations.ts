import { Inject, Injectable } from '@nestjs/common';
import type { CaseDetail, MigrateCaseRequest } from '@bankforge/client';
import { Database } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { FlowRunner } from './flow-runner.js';
import { FlowStore } from './flow-store.js';
import { FlowsService } from './flows.service.js';

export const migrateCaseSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { toVersion: { type: 'integer', minimum: 1 } },
};

export const parseMigrateCase = requestSchema<MigrateCaseRequest>(migrateCaseSchema);

/**
 * An administrator moves a running case to another published version of its flow (by default the
 * latest), e.g. after fixing a step: cases otherwise stay on the version they started with.
 */
@Injectable()
export class CaseMigrations {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(FlowRunner) private readonly runner: FlowRunner,
    @Inject(FlowsService) private readonly flows: FlowsService,
  ) {}

  async migrate(id: string, request: MigrateCaseRequest, actor: Actor, commandId: string): Promise<CaseDetail> {
    if (actor.kind !== 'user') throw new ProblemError(403, 'peopleOnly', 'Only people act on approval cases.');
    // Whoever may not see the case learns nothing of it; whoever may see it but is no administrator is refused.
    await this.flows.readCase(id, actor);
    if (!actor.access.admin) throw new ProblemError(403, 'migrationForbidden', 'Only an administrator moves a case to another version of its flow.');
    const row = await this.database.read((sql) => FlowStore.read(sql, id));
    if (!row) throw ProblemError.notFound('caseNotFound', `There is no case ${id}.`);
    const toVersion = request.toVersion ?? (await this.published.latest('flow')).get(row.flow_key)?.version;
    if (toVersion === undefined) throw ProblemError.conflict('flowNotPublished', `Flow ${row.flow_key} is not published.`);
    const from = await this.runner.definition(row.flow_key, Number(row.flow_version));
    const to = await this.runner.definition(row.flow_key, toVersion);
    const outcome = await this.runner.migrate(id, from, to, actor, commandId);
    return this.flows.readCase(id, actor, true, outcome.row);
  }
}
