import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CaseDetail,
  CaseMigrationPreview,
  CaseMigrationPreviewRequest,
  MigrateCaseRequest,
  MigrateCasesRequest,
  MigrateCasesResult,
  UnmovableCase,
} from '@bankforge/client';
import { planInstanceMigration, waitingNodeIds, type FlowDefinition, type MigrationRefusal } from '@bankforge/flow-engine';
import { Database } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import type { Actor } from '../access/actor.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { FlowRunner } from './flow-runner.js';
import { FlowStore, type InstanceRow } from './flow-store.js';
import { FlowsService } from './flows.service.js';
import { migrationReason } from './migration-reasons.js';

export const migrateCaseSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { toVersion: { type: 'integer', minimum: 1 } },
};
export const parseMigrateCase = requestSchema<MigrateCaseRequest>(migrateCaseSchema);

export const migrationPreviewSchema = migrateCaseSchema;
export const parseMigrationPreview = requestSchema<CaseMigrationPreviewRequest>(migrationPreviewSchema);

export const migrateCasesSchema = { ...migrateCaseSchema, required: ['toVersion'] };
export const parseMigrateCases = requestSchema<MigrateCasesRequest>(migrateCasesSchema);

/** The unmovable cases an answer lists (each may cost a record read for its title); the counts cover them all. */
const LISTED = 50;
/** Running cases read at a time: their states are decoded one page after another. */
const PAGE = 200;
/** The events table's command ids are 128 characters at most. */
const COMMAND_ID_LENGTH = 128;

/** A running case on an earlier version and whether it could move, with why not. */
interface Candidate {
  row: InstanceRow;
  refusals: MigrationRefusal[];
  from: FlowDefinition;
}

/**
 * Moving running cases to another published version of their flow: one case by an administrator
 * (e.g. after fixing a step), or, when a flow is published, every case that can move, as its
 * publisher chooses after seeing the preview. Cases otherwise stay on the version they started with.
 */
@Injectable()
export class CaseMigrations {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(ArtifactsService) private readonly artifacts: ArtifactsService,
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

  /**
   * What moving the flow's running cases on earlier versions to `toVersion` (by default the draft, as
   * publishing would number it) would do: how many can move, and which cannot and why. Needs the
   * flow publish grant; a case's record title is told only to a reader who may see the case.
   */
  async preview(flowKey: string, request: CaseMigrationPreviewRequest, actor: Actor): Promise<CaseMigrationPreview> {
    ArtifactsService.requireRight(actor, 'flow', 'publish');
    const target = request.toVersion === undefined ? await this.pendingVersion(flowKey) : { definition: await this.publishedVersion(flowKey, request.toVersion), draft: false };
    const to = target.definition;
    const byVersion = new Map<number, { version: number; running: number; movable: number }>();
    const unmovable: Candidate[] = [];
    let running = 0;
    let movable = 0;
    await this.eachCandidate(flowKey, to, (candidate) => {
      const version = Number(candidate.row.flow_version);
      const counts = byVersion.get(version) ?? { version, running: 0, movable: 0 };
      byVersion.set(version, counts);
      counts.running++;
      running++;
      if (candidate.refusals.length === 0) {
        counts.movable++;
        movable++;
      } else if (unmovable.length < LISTED) unmovable.push(candidate);
    });
    return {
      flowKey,
      toVersion: to.version!,
      draft: target.draft,
      running,
      movable,
      byVersion: [...byVersion.values()].sort((a, b) => a.version - b.version),
      unmovable: await this.described(unmovable, to.version!, actor),
    };
  }

  /**
   * Moves every running case of the flow on an earlier version that can move to `toVersion`, each by
   * the per-case migration (one transaction and one audit entry per case, under a command id derived
   * from the request's, so a retry moves nothing twice); the others stay where they are. Needs the
   * flow publish grant: moving running cases is part of publishing a flow.
   */
  async migrateAll(flowKey: string, request: MigrateCasesRequest, actor: Actor, commandId: string): Promise<MigrateCasesResult> {
    if (actor.kind !== 'user') throw new ProblemError(403, 'peopleOnly', 'Only people act on approval cases.');
    ArtifactsService.requireRight(actor, 'flow', 'publish');
    const to = await this.publishedVersion(flowKey, request.toVersion);
    const candidates: Candidate[] = [];
    await this.eachCandidate(flowKey, to, (candidate) => void candidates.push(candidate));
    const moved: string[] = [];
    const unmovable: Candidate[] = [];
    let notMoved = 0;
    for (const candidate of candidates) {
      if (candidate.refusals.length === 0) {
        try {
          await this.runner.migrate(candidate.row.id, candidate.from, to, actor, caseCommandId(commandId, candidate.row.id));
          moved.push(candidate.row.id);
          continue;
        } catch (error) {
          // The case moved on (or was moved) since it was read: it stays, and says why as it is now.
          if (!(error instanceof ProblemError) || error.status !== 409) throw error;
          candidate.refusals = await this.refusalsNow(candidate, to, error.detail);
        }
      }
      notMoved++;
      if (unmovable.length < LISTED) unmovable.push(candidate);
    }
    return { flowKey, toVersion: to.version!, moved, notMoved, unmovable: await this.described(unmovable, to.version!, actor) };
  }

  /** Why a case that could move a moment ago did not: read again, it ended, moved or now waits elsewhere. */
  private async refusalsNow(candidate: Candidate, to: FlowDefinition, detail: string): Promise<MigrationRefusal[]> {
    const row = await this.database.read((sql) => FlowStore.read(sql, candidate.row.id));
    if (!row || row.status !== 'running') return [{ code: 'ended', message: 'the instance has ended' }];
    if (Number(row.flow_version) >= to.version!) return [{ code: 'sameVersion', message: `the instance already runs version ${row.flow_version}` }];
    const plan = planInstanceMigration(candidate.from, to, waitingNodeIds(FlowStore.state(row)));
    return plan.ok ? [{ code: 'otherVersion', message: detail }] : plan.reasons;
  }

  /** The draft as the version publishing it would make (or the latest version, when the draft equals it). */
  private async pendingVersion(flowKey: string): Promise<{ definition: FlowDefinition; draft: boolean }> {
    const pending = await this.artifacts.pendingVersion('flow', flowKey);
    return { definition: { ...(pending.document as unknown as FlowDefinition), version: pending.version }, draft: pending.draft };
  }

  private async publishedVersion(flowKey: string, version: number): Promise<FlowDefinition> {
    const found = await this.published.version<FlowDefinition>('flow', flowKey, version);
    if (!found) throw new ProblemError(404, 'flowVersionNotFound', `Flow ${flowKey} has no published version ${version}.`, undefined, { messageZh: `流程 ${flowKey} 没有已发布的第 ${version} 版。` });
    return { ...found, version };
  }

  /** Every running case of the flow on a version before `to`, with what would keep it from moving, a page at a time. */
  private async eachCandidate(flowKey: string, to: FlowDefinition, visit: (candidate: Candidate) => void): Promise<void> {
    const definitions = new Map<number, FlowDefinition>();
    let after = '';
    for (;;) {
      const rows = await this.database.read((sql) =>
        sql.rows<InstanceRow>(
          `SELECT * FROM bf_flow_instance WHERE flow_key = ? AND status = 'running' AND flow_version < ? AND id > ? ORDER BY id LIMIT ${PAGE}`,
          [flowKey, to.version!, after],
        ),
      );
      for (const row of rows) {
        const version = Number(row.flow_version);
        const from = definitions.get(version) ?? (await this.runner.definition(flowKey, version));
        definitions.set(version, from);
        const plan = planInstanceMigration(from, to, waitingNodeIds(FlowStore.state(row)));
        visit({ row, from, refusals: plan.ok ? [] : plan.reasons });
      }
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.id;
    }
  }

  /** The cases that stay, with why in both languages; the record's title only for a reader who may see the case. */
  private async described(candidates: readonly Candidate[], toVersion: number, actor: Actor): Promise<UnmovableCase[]> {
    const out: UnmovableCase[] = [];
    for (const { row, from, refusals } of candidates) {
      const title = await this.flows.caseTitle(row, actor);
      out.push({
        id: row.id,
        fromVersion: Number(row.flow_version),
        ...(title !== undefined ? { recordTitle: title } : {}),
        reasons: refusals.map((refusal) => migrationReason(refusal, from, toVersion)),
      });
    }
    return out;
  }
}

/** Each case's move carries its own command id, derived from the request's (hashed when it would not fit). */
function caseCommandId(commandId: string, caseId: string): string {
  const id = `${commandId}/${caseId}`;
  return id.length <= COMMAND_ID_LENGTH ? id : `bulk/${createHash('sha256').update(id).digest('hex')}`;
}
