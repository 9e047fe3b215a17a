import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Connector, ConnectorAllowedHosts, ConnectorChoice, ConnectorTestResult } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { CurrentActor, requireAdmin } from '../auth/auth.guard.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { ConnectorCalls } from './connector-calls.js';
import {
  allowedHostsSchema,
  connectorChangeSchema,
  connectorCreateSchema,
  connectorTestSchema,
  parseAllowedHosts,
  parseConnectorChange,
  parseConnectorCreate,
  parseConnectorTest,
} from './connector-request.js';
import { ConnectorStore } from './connector-store.js';

/** What the Test panel shows of an answer's body. */
const SHOWN_BODY_BYTES = 64 * 1024;
/** Answer headers that would only set state in nobody's browser, or leak a session of the other system. */
const HIDDEN_HEADERS = new Set(['set-cookie', 'set-cookie2']);

/** A connector's key in a path: anything else names none (404, as an unknown key does). */
function connectorKey(key: string): string {
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(key)) throw ProblemError.notFound('connectorNotFound', `There is no connector ${key.slice(0, 64)}.`);
  return key;
}

/**
 * Administrators manage connectors (secrets written, never answered), the hosts on the bank's own
 * network connectors may call, and test a connector with one request. Every change and test is audited.
 */
@ApiTags('connectors')
@Controller('connectors')
export class ConnectorsController {
  constructor(
    @Inject(ConnectorStore) private readonly store: ConnectorStore,
    @Inject(ConnectorCalls) private readonly calls: ConnectorCalls,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Administrators: list connectors (never a secret: `hasSecret`)' })
  list(@CurrentActor() actor: Actor): Promise<Connector[]> {
    requireAdmin(actor);
    return this.store.list();
  }

  @Post()
  @ApiOperation({ summary: 'Administrators: create a connector (audited without its secret)' })
  @ApiBody({ schema: connectorCreateSchema })
  create(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<Connector> {
    requireAdmin(actor);
    return this.store.create(parseConnectorCreate(body ?? {}), actor);
  }

  // Before `:key`, which would otherwise take it (a key has no hyphen, so no connector is named so).
  @Get('pick-list')
  @ApiOperation({ summary: 'Designers of flows and automations: the connectors to choose from, by key and name only' })
  async pickList(@CurrentActor() actor: Actor): Promise<ConnectorChoice[]> {
    if (!actor.access.canDesign('flow', 'edit') && !actor.access.canDesign('automation', 'edit')) requireAdmin(actor);
    return (await this.store.list()).map(({ key, name }) => ({ key, name }));
  }

  // Before `:key`, which would otherwise take it.
  @Get('allowed-hosts')
  @ApiOperation({ summary: 'Administrators: the hosts connectors may call despite a private address' })
  async allowedHosts(@CurrentActor() actor: Actor): Promise<ConnectorAllowedHosts> {
    requireAdmin(actor);
    return { hosts: await this.store.allowedHosts() };
  }

  @Put('allowed-hosts')
  @ApiOperation({ summary: 'Administrators: replace the allowed hosts (`host` or `host:port`; audited)' })
  @ApiBody({ schema: allowedHostsSchema })
  async saveAllowedHosts(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<ConnectorAllowedHosts> {
    requireAdmin(actor);
    return { hosts: await this.store.saveAllowedHosts(parseAllowedHosts(body ?? {}).hosts, actor) };
  }

  @Get(':key')
  @ApiOperation({ summary: 'Administrators: one connector' })
  get(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<Connector> {
    requireAdmin(actor);
    return this.store.get(connectorKey(key));
  }

  @Put(':key')
  @ApiOperation({ summary: 'Administrators: change a connector at its version (stale: 409); no `secret` keeps the stored one, `secret: null` clears it' })
  @ApiBody({ schema: connectorChangeSchema })
  update(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: unknown): Promise<Connector> {
    requireAdmin(actor);
    return this.store.update(connectorKey(key), parseConnectorChange(body ?? {}), actor);
  }

  @Delete(':key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Administrators: delete a connector (audited)' })
  async remove(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<void> {
    requireAdmin(actor);
    await this.store.remove(connectorKey(key), actor);
  }

  @Post(':key/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: send one request through the connector and answer what came back, or why it was refused (audited: method and outcome)' })
  @ApiBody({ schema: connectorTestSchema })
  async test(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: unknown): Promise<ConnectorTestResult> {
    requireAdmin(actor);
    const request = parseConnectorTest(body ?? {});
    const result = await this.calls.call(connectorKey(key), request, { once: true });
    await this.store.auditTest(key, actor, result.ok ? { method: request.method, status: result.status, durationMs: result.durationMs } : { method: request.method, refused: result.reason, durationMs: result.durationMs });
    if (!result.ok) return { ok: false, reason: result.reason, detail: result.detail, durationMs: result.durationMs };
    const headers = Object.fromEntries(Object.entries(result.headers).filter(([name]) => !HIDDEN_HEADERS.has(name)));
    const shown = result.body.subarray(0, SHOWN_BODY_BYTES);
    return { ok: true, status: result.status, durationMs: result.durationMs, headers, body: shown.toString('utf8'), truncated: result.body.byteLength > SHOWN_BODY_BYTES };
  }
}
