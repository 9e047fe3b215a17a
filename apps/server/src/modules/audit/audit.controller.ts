import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { csvLine, waitForDrain } from '@bankforge/data-model';
import type { AuditEntityLabels } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { AuditLog, type AuditEntry, type ChainProgress, type ChainVerdict } from './audit-log.js';
import { parseAuditQuery, type AuditQueryParams } from './audit-query.js';

/** The columns of an exported search: what each entry says, its detail as canonical JSON, and its place in the chain. */
const EXPORT_COLUMNS = ['seq', 'at', 'actorName', 'actorId', 'action', 'entity', 'recordId', 'detail', 'prevHash', 'hash'] as const;

function requireAuditReader(actor: Actor): void {
  if (!actor.access.canReadAuditLog) throw new ProblemError(403, 'forbidden', 'Reading the audit log needs an administrator or a role granted auditLog.');
}

function parseStretch(fromSeq: string | undefined, limit: string | undefined): { fromSeq: number; limit: number } | undefined {
  if (fromSeq === undefined && limit === undefined) return undefined;
  const errors = [
    ...(fromSeq !== undefined && /^\d{1,15}$/.test(fromSeq) && Number(fromSeq) >= 1 ? [] : [{ path: 'fromSeq', code: 'invalidParameter', message: 'fromSeq must be an integer of 1 or more.', messageZh: 'fromSeq 须为不小于 1 的整数。' }]),
    ...(limit === undefined || (/^\d{1,5}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 10_000)
      ? []
      : [{ path: 'limit', code: 'invalidParameter', message: 'limit must be an integer from 1 to 10000.', messageZh: 'limit 须为 1 至 10000 的整数。' }]),
  ];
  if (errors.length > 0) throw ProblemError.badRequest('invalidParameter', 'The stretch to verify is not valid.', errors);
  return { fromSeq: Number(fromSeq), limit: Number(limit ?? 5000) };
}

const SEARCH_QUERIES = [
  { name: 'entity', description: 'Entries about records of this entity' },
  { name: 'recordId', description: 'Entries about this record (or user, role or API key)' },
  { name: 'actor', description: 'Entries by this username, `api-key:<name>` or `system`' },
  { name: 'action', description: 'Entries of this action (create, update, permissionChange, export...)' },
  { name: 'from', description: 'Entries at or after this ISO 8601 instant' },
  { name: 'to', description: 'Entries before this ISO 8601 instant' },
  { name: 'order', description: 'asc (oldest first, the default) or desc (newest first)' },
] as const;

/** Documents the search parameters every reading endpoint of the log takes. */
function SearchQueries(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const query of SEARCH_QUERIES) ApiQuery({ name: query.name, required: false, description: query.description })(target, key, descriptor);
  };
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(MetadataService) private readonly metadata: MetadataService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Administrators and audit-log readers: audit entries matching a search; page with afterSeq (asc) or beforeSeq (desc)' })
  @SearchQueries()
  @ApiQuery({ name: 'afterSeq', required: false, type: Number })
  @ApiQuery({ name: 'beforeSeq', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryParams): Promise<AuditEntry[]> {
    requireAuditReader(actor);
    const { search, page } = parseAuditQuery(query, true);
    return this.audit.list(search, page);
  }

  @Get('verify')
  @ApiOperation({
    summary: "Administrators and audit-log readers: recompute the audit log's hash chain and name the first broken entry; with fromSeq (and limit), one stretch of it, to go on from nextSeq",
  })
  @ApiQuery({ name: 'fromSeq', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  verify(@CurrentActor() actor: Actor, @Query('fromSeq') fromSeq?: string, @Query('limit') limit?: string): Promise<ChainVerdict | ChainProgress> {
    requireAuditReader(actor);
    const stretch = parseStretch(fromSeq, limit);
    return stretch ? this.audit.verifyStretch(stretch.fromSeq, stretch.limit) : this.audit.verify();
  }

  @Get('entities')
  @ApiOperation({ summary: 'Administrators and audit-log readers: the published entities and their fields, by name, to label entries with' })
  async entities(@CurrentActor() actor: Actor): Promise<AuditEntityLabels[]> {
    requireAuditReader(actor);
    const labels: AuditEntityLabels[] = [];
    for (const { key } of await this.metadata.listEntities()) {
      const model = await this.metadata.entity(key).catch(() => undefined);
      if (!model) continue;
      const { definition } = model;
      labels.push({ key, label: definition.label, fields: definition.fields.map((field) => ({ key: field.key, label: field.label })) });
    }
    return labels;
  }

  @Get('export')
  @ApiOperation({ summary: 'Administrators and audit-log readers: the entries matching a search as CSV (streamed; the export is itself audited)' })
  @SearchQueries()
  async export(@CurrentActor() actor: Actor, @Query() query: AuditQueryParams, @Res() response: Response): Promise<void> {
    requireAuditReader(actor);
    const { search, page } = parseAuditQuery(query, false);
    // Recorded before the first row leaves, as every export is.
    await this.audit.record(actor, { action: 'export', detail: { of: 'auditLog', format: 'csv', search: { ...search }, order: page.order } });
    response.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
    // A byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.
    response.write(`\ufeff${csvLine(EXPORT_COLUMNS)}`);
    for await (const entries of this.audit.entries(search, page.order)) {
      const chunk = entries.map((entry) => csvLine(EXPORT_COLUMNS.map((column) => (column === 'detail' ? JSON.stringify(entry.detail) : entry[column])))).join('');
      if (response.destroyed) break;
      // A client that went away never drains: waitForDrain also ends on close.
      if (!response.write(chunk)) await waitForDrain(response);
    }
    if (!response.writableEnded) response.end();
  }
}
