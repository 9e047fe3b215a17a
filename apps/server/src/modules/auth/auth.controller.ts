import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ApiKeySummary, CreatedApiKey, SignedIn } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { parseRoleDefinition, roleDefinitionSchema, type RoleDefinition } from '../access/role.js';
import { ARTIFACT_KINDS } from '../artifacts/artifact-kinds.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { withBilingualErrors } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { SESSION_HOURS, AuthService } from './auth.service.js';
import { CurrentActor, Public, SessionToken, requireAdmin } from './auth.guard.js';
import { DirectoryService } from './directory.service.js';
import { LoginRateLimit } from './login-rate-limit.js';
import { SessionCookie } from './session-cookie.js';
import { apiKeySchema, parseApiKey } from './api-key-request.js';

const loginSchema = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
};
const parseLogin = requestSchema<{ username: string; password: string }>(loginSchema, 'invalidLogin');

const parseRole = withBilingualErrors(parseRoleDefinition, {
  '/key': { name: { en: 'The role key', zh: '角色代码' }, pattern: { en: 'must start with a lowercase letter, then lowercase letters, digits or underscores', zh: '须以小写字母开头，其后为小写字母、数字或下划线' } },
  '/label': { name: { en: 'The role name', zh: '角色名称' } },
  '/entities': { name: { en: 'A data grant', zh: '数据权限' } },
  '/artifacts': { name: { en: 'A designer right', zh: '设计权限' } },
  '/flows': { name: { en: 'A flow right', zh: '流程权限' } },
  '/decisions': { name: { en: 'A decision right', zh: '决策权限' } },
  '/admin': { name: { en: 'Administrator', zh: '管理员' } },
  '/auditLog': { name: { en: 'Audit log', zh: '审计日志' } },
  '/': { name: { en: 'The role', zh: '角色' } },
});

function signedIn(actor: Actor): SignedIn {
  return { userId: actor.userId, username: actor.name, branch: actor.branch, roles: actor.roles, admin: actor.access.admin, auditLog: actor.access.canReadAuditLog };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(LoginRateLimit) private readonly rateLimit: LoginRateLimit,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
    @Inject(SessionCookie) private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a password; sets an HttpOnly, SameSite=Strict session cookie' })
  @ApiBody({ schema: loginSchema })
  async login(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn & { expiresAt: string }> {
    const address = request.ip ?? 'unknown';
    if (!this.rateLimit.allow(address)) throw new ProblemError(429, 'tooManyLogins', 'Too many sign-in attempts from this address; wait a minute.');
    const { username, password } = parseLogin(body ?? {});
    const session = await this.auth.login(username, password, address);
    response.setHeader('Set-Cookie', this.cookie.header(session.token, SESSION_HOURS * 3600, request));
    return { ...signedIn(session.actor), expiresAt: session.expiresAt };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session' })
  async logout(@CurrentActor() actor: Actor, @SessionToken() token: string | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (token) await this.auth.logout(token, actor);
    response.setHeader('Set-Cookie', this.cookie.header('', 0, request));
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in, with their roles' })
  me(@CurrentActor() actor: Actor): SignedIn {
    return signedIn(actor);
  }

  @Get('roles')
  @ApiOperation({ summary: 'Administrators: list roles with their grants. Designers (anyone who may edit an artifact kind): the roles\' keys and names only, to choose approvers and recipients by' })
  async roles(@CurrentActor() actor: Actor): Promise<RoleDefinition[]> {
    if (actor.access.admin) return this.directory.roles();
    // A designer names roles in flows (approvers, recipients, escalation): what a role may do stays the administrators'.
    if (!ARTIFACT_KINDS.some((kind) => actor.access.canDesign(kind, 'edit'))) requireAdmin(actor);
    return (await this.directory.roles()).map(({ key, label }) => ({ key, label }));
  }

  @Put('roles/:key')
  @ApiOperation({ summary: 'Administrators: create or replace a role (audited)' })
  @ApiBody({ schema: roleDefinitionSchema as unknown as Record<string, unknown> })
  saveRole(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: unknown): Promise<RoleDefinition> {
    requireAdmin(actor);
    const role = parseRole(body ?? {});
    if (role.key !== key) throw ProblemError.invalid('The role key must match the URL.', [{ path: '/key', code: 'keyMismatch', message: `must be ${key}`, messageZh: `须为 ${key}` }]);
    return this.directory.saveRole(role, actor);
  }

  @Delete('roles/:key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Administrators: delete a role no user and no active API key holds (audited)' })
  async deleteRole(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<void> {
    requireAdmin(actor);
    await this.directory.deleteRole(key, actor);
  }

  @Get('api-keys')
  @ApiOperation({ summary: 'Administrators: list API keys (never their secrets)' })
  apiKeys(@CurrentActor() actor: Actor): Promise<ApiKeySummary[]> {
    requireAdmin(actor);
    return this.directory.apiKeys();
  }

  @Post('api-keys')
  @ApiOperation({
    summary:
      'Administrators: create an API key for an integration; the key is shown once. An optional scope narrows its roles (entities, operations, data scope), an optional branch is the one it acts for, an optional rate limit replaces the default (audited)',
  })
  @ApiBody({ schema: apiKeySchema })
  createApiKey(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<CreatedApiKey> {
    requireAdmin(actor);
    return this.directory.createApiKey(parseApiKey(body ?? {}), actor);
  }

  @Post('api-keys/:id/revoke')
  @HttpCode(204)
  @ApiOperation({ summary: 'Administrators: revoke an API key' })
  async revokeApiKey(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    requireAdmin(actor);
    await this.directory.revokeApiKey(id, actor);
  }
}
