/**
 * The administration API's answers and requests: users, roles with their grants, API keys. One
 * definition for the server and the designer's administration screens.
 */

import type { ArtifactKind } from './types.js';
import type { FieldAccess } from './runtime.js';

/** Whose records an operation reaches: the person's own, their team's (everyone reporting to them), their branch's, or every record. */
export type DataScope = 'own' | 'team' | 'branch' | 'all';

/** What a role may do with an entity's records. */
/** `transfer`: hand records over to another owner (a reason is required; audited). `import`: bulk-import files of records (each row still needs create or update). */
export type RecordOperation = 'create' | 'read' | 'update' | 'delete' | 'export' | 'transfer' | 'import';

/** How a masked field is masked; the field type's usual strategy when a rule names none. */
export interface MaskSpec {
  strategy: 'chineseName' | 'mobile' | 'residentId' | 'accountNumber' | 'email' | 'keep';
  /** `keep` only: how many leading and trailing characters stay readable. */
  keepFirst?: number;
  keepLast?: number;
}

/** One field rule of a role: hidden, read-only or masked (a field without a rule shows in clear and may be written). */
export interface FieldRule {
  access: FieldAccess;
  /** `masked` only: how; the field type's usual strategy when absent. */
  mask?: MaskSpec;
}

/** What a role may do with one entity's records: each operation with its data scope, unmasking, field rules. */
export type EntityGrant = Partial<Record<RecordOperation, DataScope>> & {
  /** May reveal a masked field of one record at a time (audited). */
  unmask?: boolean;
  fields?: Record<string, FieldRule>;
};

export type DesignerRight = 'edit' | 'publish';

/** A role as `GET /api/auth/roles` lists it and `PUT /api/auth/roles/{key}` takes it. */
export interface RoleDefinition {
  key: string;
  label: { en: string; 'zh-CN'?: string };
  /** Administrators manage users, roles and keys, read the audit log, and are not restricted by any rule. */
  admin?: boolean;
  /** May read the audit log and verify its chain (compliance, internal audit). */
  auditLog?: boolean;
  entities?: Record<string, EntityGrant>;
  /** Designer rights per artifact kind. */
  artifacts?: Partial<Record<ArtifactKind, DesignerRight[]>>;
  /** Approval flows the role may start, by flow key, on records it may update. */
  flows?: Record<string, 'start'[]>;
  /** Published decisions the role may evaluate through the API, by decision key. */
  decisions?: Record<string, 'evaluate'[]>;
  /** Inbound automation events the role may post (`POST /api/automations/events/{event}`), by event name: an integration's key. */
  automationEvents?: Record<string, 'post'[]>;
}

/** A person as the administrator sees them (`GET /api/auth/users`); never a password or its hash. */
export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  branch: string | null;
  managerId: string | null;
  roles: string[];
  /** A disabled user cannot sign in; their sessions ended when they were disabled. */
  active: boolean;
  /** Locked after repeated wrong passwords, for a while; a password reset unlocks. */
  locked: boolean;
}

/** `POST /api/auth/users`: a password typed by the administrator, or `generatePassword` for one made by the server and answered once. */
export interface UserCreateRequest {
  username: string;
  displayName: string;
  roles: string[];
  branch?: string | null;
  managerId?: string | null;
  active?: boolean;
  password?: string;
  generatePassword?: boolean;
}

/** `PATCH /api/auth/users/{id}`: what changes (enabling, disabling and passwords have their own calls too). */
export interface UserChange {
  displayName?: string;
  roles?: string[];
  branch?: string | null;
  managerId?: string | null;
  active?: boolean;
  password?: string;
}

/** A user with the password the server generated for them: shown once, kept nowhere but as a hash. */
export interface UserWithPassword extends UserSummary {
  password?: string;
}

/** `POST /api/auth/users/{id}/password`: the user, and the new password when the server generated it (shown once). */
export interface PasswordReset {
  user: UserSummary;
  password?: string;
}

/**
 * What one integration's key may reach, narrowing its roles and never widening them: an operation
 * needs both a role's grant and the scope's, at the narrower of the two data scopes.
 */
export interface ApiKeyScope {
  /** Entity key -> the record operations the key may use on it (the role grants' names); an entity not listed is out of reach. */
  entities: Record<string, RecordOperation[]>;
  /** The widest data scope: `own` is the records the key itself owns (created), `branch` those of its bound branch's people. */
  dataScope: DataScope;
}

/** Requests a key may make per minute (a token bucket: short bursts up to the same number). */
export interface ApiKeyRateLimit {
  perMinute: number;
}

/** An integration's key as listed: never its secret. */
export interface ApiKeySummary {
  id: string;
  name: string;
  roles: string[];
  /** Null: the key acts with its roles' full grants. */
  scope: ApiKeyScope | null;
  /** The branch the key acts for (its `branch` data scope); null: none, so a branch scope reaches nothing. */
  branch: string | null;
  /** Null: the server's default (BANKFORGE_API_KEY_RATE_PER_MINUTE). */
  rateLimit: ApiKeyRateLimit | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** `POST /api/auth/api-keys`. */
export interface ApiKeyCreateRequest {
  name: string;
  roles: string[];
  scope?: ApiKeyScope | null;
  branch?: string | null;
  rateLimit?: ApiKeyRateLimit | null;
}

/** `POST /api/auth/api-keys`: the key to configure in the integration, answered once. */
export interface CreatedApiKey {
  id: string;
  name: string;
  roles: string[];
  scope: ApiKeyScope | null;
  branch: string | null;
  rateLimit: ApiKeyRateLimit | null;
  key: string;
}

