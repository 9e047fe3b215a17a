import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PasswordReset, UserChange, UserCreateRequest, UserSummary, UserWithPassword } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { withBilingualErrors, type FieldWording } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { CurrentActor, requireAdmin } from './auth.guard.js';
import { DirectoryService } from './directory.service.js';

const ROLE_KEY = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' };
export const rolesProperty = { type: 'array', maxItems: 50, uniqueItems: true, items: ROLE_KEY };

const userProperties = {
  displayName: { type: 'string', minLength: 1, maxLength: 128 },
  branch: { type: ['string', 'null'], maxLength: 64 },
  managerId: { type: ['string', 'null'], pattern: '^[0-9a-f-]{36}$' },
  roles: rolesProperty,
  active: { type: 'boolean' },
  password: { type: 'string', maxLength: 256 },
};
const userCreateSchema = {
  type: 'object',
  required: ['username', 'displayName', 'roles'],
  additionalProperties: false,
  properties: { username: { type: 'string', pattern: '^[A-Za-z0-9._-]{2,64}$' }, ...userProperties, generatePassword: { type: 'boolean' } },
};
const userPatchSchema = { type: 'object', minProperties: 1, additionalProperties: false, properties: userProperties };
const passwordResetSchema = { type: 'object', additionalProperties: false, properties: { password: userProperties.password } };

/** The fields as an administrator calls them, for the 422s' messages in both languages. */
export const USER_FIELDS: Readonly<Record<string, FieldWording>> = {
  '/username': { name: { en: 'The username', zh: '用户名' }, pattern: { en: 'must be 2 to 64 letters, digits, dots, dashes or underscores', zh: '须为 2 至 64 个字母、数字、点、横线或下划线' } },
  '/displayName': { name: { en: 'The display name', zh: '显示名称' } },
  '/branch': { name: { en: 'The branch', zh: '所属机构' } },
  '/managerId': { name: { en: 'The manager', zh: '上级' }, pattern: { en: "must be a user's id", zh: '须为用户的标识' } },
  '/roles': { name: { en: 'The roles', zh: '角色' }, pattern: { en: 'must be role keys', zh: '须为角色代码' } },
  '/active': { name: { en: 'Active', zh: '启用状态' } },
  '/password': { name: { en: 'The password', zh: '密码' } },
  '/generatePassword': { name: { en: 'Generate a password', zh: '生成密码' } },
  '/name': { name: { en: 'The name', zh: '名称' } },
  '/': { name: { en: 'The request', zh: '请求' } },
};

const parseUserCreate = withBilingualErrors(requestSchema<UserCreateRequest>(userCreateSchema), USER_FIELDS);
const parseUserPatch = withBilingualErrors(requestSchema<UserChange>(userPatchSchema), USER_FIELDS);
const parsePasswordReset = withBilingualErrors(requestSchema<{ password?: string }>(passwordResetSchema), USER_FIELDS);

/** A user's id in a path: anything else names nobody (404, as an unknown id does). */
function userId(id: string): string {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw ProblemError.notFound('userNotFound', `There is no user ${id.slice(0, 64)}.`);
  return id;
}

/**
 * The people an administrator manages: list, create, change, disable and enable, reset a password.
 * Every change is a `permissionChange` entry in the audit log (never a password or its hash).
 */
@ApiTags('auth')
@Controller('auth/users')
export class UsersController {
  constructor(@Inject(DirectoryService) private readonly directory: DirectoryService) {}

  @Get()
  @ApiOperation({ summary: 'Administrators: list users' })
  users(@CurrentActor() actor: Actor): Promise<UserSummary[]> {
    requireAdmin(actor);
    return this.directory.users();
  }

  @Post()
  @ApiOperation({ summary: 'Administrators: create a user with a typed password, a generated one (answered once) or none (audited)' })
  @ApiBody({ schema: userCreateSchema })
  async createUser(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<UserWithPassword> {
    requireAdmin(actor);
    const { generatePassword, ...input } = parseUserCreate(body ?? {});
    if (generatePassword === true && input.password !== undefined) {
      throw ProblemError.invalid('Type a password or have one generated, not both.', [
        { path: '/generatePassword', code: 'passwordGiven', message: 'Type a password or have one generated, not both.', messageZh: '请输入密码或选择自动生成，二者只能选其一。' },
      ]);
    }
    return this.directory.createUser(input, actor, generatePassword === true);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Administrators: change a user (display name, roles, branch, manager, active, password; audited)' })
  @ApiBody({ schema: userPatchSchema })
  updateUser(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown): Promise<UserSummary> {
    requireAdmin(actor);
    return this.directory.updateUser(userId(id), parseUserPatch(body ?? {}), actor);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: disable a user: they cannot sign in and their sessions end (audited)' })
  disable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserSummary> {
    requireAdmin(actor);
    return this.directory.updateUser(userId(id), { active: false }, actor);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrators: enable a disabled user again (audited)' })
  enable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserSummary> {
    requireAdmin(actor);
    return this.directory.updateUser(userId(id), { active: true }, actor);
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({ summary: "Administrators: set a user's password, the one given or a generated one answered once; unlocks and signs them out (audited)" })
  @ApiBody({ schema: passwordResetSchema })
  resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown): Promise<PasswordReset> {
    requireAdmin(actor);
    return this.directory.resetPassword(userId(id), parsePasswordReset(body ?? {}).password, actor);
  }
}
