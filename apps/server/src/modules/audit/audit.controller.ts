import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../access/actor.js';
import { CurrentActor } from '../auth/auth.guard.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { AuditLog, type AuditEntry, type ChainVerdict } from './audit-log.js';

function parseCount(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,15}$/.test(value) || Number(value) > max) {
    throw ProblemError.badRequest('invalidParameter', `${name} must be an integer from 0 to ${max}.`, [{ path: name, code: 'type', message: `must be an integer from 0 to ${max}` }]);
  }
  return Number(value);
}

function requireAuditReader(actor: Actor): void {
  if (!actor.access.canReadAuditLog) throw new ProblemError(403, 'forbidden', 'Reading the audit log needs an administrator or a role granted auditLog.');
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'Administrators and audit-log readers: audit entries in order, optionally for one entity or record; page with afterSeq' })
  @ApiQuery({ name: 'entity', required: false })
  @ApiQuery({ name: 'recordId', required: false })
  @ApiQuery({ name: 'afterSeq', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  list(
    @CurrentActor() actor: Actor,
    @Query('entity') entity?: string,
    @Query('recordId') recordId?: string,
    @Query('afterSeq') afterSeq?: string,
    @Query('limit') limit?: string,
  ): Promise<AuditEntry[]> {
    requireAuditReader(actor);
    return this.audit.list({ entity, recordId, afterSeq: parseCount(afterSeq, 'afterSeq', 0, Number.MAX_SAFE_INTEGER), limit: Math.max(1, parseCount(limit, 'limit', 100, 1000)) });
  }

  @Get('verify')
  @ApiOperation({ summary: "Administrators and audit-log readers: recompute the audit log's hash chain and name the first broken entry" })
  verify(@CurrentActor() actor: Actor): Promise<ChainVerdict> {
    requireAuditReader(actor);
    return this.audit.verify();
  }
}
