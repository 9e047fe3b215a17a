import type { ApiKeyScope } from '@bankforge/client';
import { AccessProfile, EntityAccess } from './access-profile.js';

export type { ApiKeyScope };

const NO_ACCESS = new EntityAccess(new Map(), new Map(), false);

/**
 * An API key's rights: its roles' profile intersected with the key's own scope, so that every
 * path that asks `entity(key).scope(op)` (records, queries, reports, exports, segments, 360°,
 * audit) obeys the scope without a check of its own. The scope narrows only: an operation needs
 * both a role's grant and the scope's, at the narrower data scope. A scoped key is never an
 * administrator (administration would let it issue itself an unscoped key), designer or reader of
 * the whole audit log (which spans every entity); the integration rights its roles grant by name
 * (flows to start, decisions to evaluate) it keeps, and their record effects still pass the scope.
 * A key's scope is fixed when it is issued, which is why the idempotency fingerprint need not hold it.
 */
export class KeyScopedAccessProfile extends AccessProfile {
  private readonly narrowedEntities = new Map<string, EntityAccess>();

  constructor(
    private readonly base: AccessProfile,
    readonly keyScope: ApiKeyScope,
  ) {
    super(base.roles, false);
  }

  override get canReadAuditLog(): boolean {
    return false;
  }

  override canDesign(): boolean {
    return false;
  }

  override entity(key: string): EntityAccess {
    let access = this.narrowedEntities.get(key);
    if (!access) {
      const operations = Object.hasOwn(this.keyScope.entities, key) ? this.keyScope.entities[key] : undefined;
      access = operations ? this.base.entity(key).narrowed(new Set(operations), this.keyScope.dataScope) : NO_ACCESS;
      this.narrowedEntities.set(key, access);
    }
    return access;
  }
}

/** The profile a key acts with: its roles' as they are, or narrowed to its scope. */
export function keyProfile(roles: AccessProfile, scope: ApiKeyScope | null): AccessProfile {
  return scope ? new KeyScopedAccessProfile(roles, scope) : roles;
}
