import type { ArtifactKind, DataScope, DesignerRight, EntityGrant, FieldAccess, RecordOperation, RoleDefinition } from '@bankforge/client';

export const OPERATIONS: readonly RecordOperation[] = ['create', 'read', 'update', 'delete', 'export', 'transfer', 'import'];
/** Narrowest first, as the server merges them. */
export const SCOPES: readonly DataScope[] = ['own', 'team', 'branch', 'all'];
export const FIELD_RULES: readonly FieldAccess[] = ['hidden', 'readonly', 'masked'];
export const DESIGNER_KINDS: readonly ArtifactKind[] = ['entity', 'form', 'flow', 'decision', 'report', 'automation', 'calendar', 'app'];
export const DESIGNER_RIGHTS: readonly DesignerRight[] = ['edit', 'publish'];

/**
 * Edits of a role document, each answering a new document and keeping everything it does not
 * touch (flows, decisions, mask details), so a save never drops what this screen does not show.
 * A grant left with nothing in it is removed rather than saved empty.
 */
function withGrant(role: RoleDefinition, entity: string, change: (grant: EntityGrant) => EntityGrant): RoleDefinition {
  const entities = { ...(role.entities ?? {}) };
  const grant = change({ ...(entities[entity] ?? {}) });
  if (grant.fields && Object.keys(grant.fields).length === 0) delete grant.fields;
  if (grant.unmask === false) delete grant.unmask;
  if (Object.keys(grant).length === 0) delete entities[entity];
  else entities[entity] = grant;
  const next: RoleDefinition = { ...role, entities };
  if (Object.keys(entities).length === 0) delete next.entities;
  return next;
}

/** Grants an operation on an entity's records with a scope, or (undefined) takes it away. */
export function setScope(role: RoleDefinition, entity: string, operation: RecordOperation, scope: DataScope | undefined): RoleDefinition {
  return withGrant(role, entity, (grant) => {
    if (scope === undefined) delete grant[operation];
    else grant[operation] = scope;
    return grant;
  });
}

export function setUnmask(role: RoleDefinition, entity: string, unmask: boolean): RoleDefinition {
  return withGrant(role, entity, (grant) => ({ ...grant, unmask }));
}

/** Sets a field's rule; `clear` removes it (the field shows in clear and may be written). A masked field keeps its mask details. */
export function setFieldRule(role: RoleDefinition, entity: string, field: string, access: FieldAccess | 'clear'): RoleDefinition {
  return withGrant(role, entity, (grant) => {
    const fields = { ...(grant.fields ?? {}) };
    const before = fields[field];
    if (access === 'clear') delete fields[field];
    else fields[field] = access === 'masked' && before?.access === 'masked' ? before : { access };
    return { ...grant, fields };
  });
}

export function setDesignerRight(role: RoleDefinition, kind: ArtifactKind, right: DesignerRight, on: boolean): RoleDefinition {
  const artifacts = { ...(role.artifacts ?? {}) };
  const rights = new Set(artifacts[kind] ?? []);
  if (on) rights.add(right);
  else rights.delete(right);
  if (rights.size === 0) delete artifacts[kind];
  else artifacts[kind] = DESIGNER_RIGHTS.filter((r) => rights.has(r));
  const next: RoleDefinition = { ...role, artifacts };
  if (Object.keys(artifacts).length === 0) delete next.artifacts;
  return next;
}

/** Turns a special right (administrator, audit log reader) on or off; off leaves it out of the document. */
export function setSpecial(role: RoleDefinition, right: 'admin' | 'auditLog', on: boolean): RoleDefinition {
  const next = { ...role };
  if (on) next[right] = true;
  else delete next[right];
  return next;
}

export function setName(role: RoleDefinition, language: 'en' | 'zh-CN', text: string): RoleDefinition {
  const label = { ...role.label, [language]: text };
  if (language === 'zh-CN' && text === '') delete label['zh-CN'];
  return { ...role, label };
}

/** The entities the matrix shows: the published ones in their order, then any the role grants that are not published. */
export function matrixEntities(role: RoleDefinition, published: readonly string[]): string[] {
  return [...published, ...Object.keys(role.entities ?? {}).filter((key) => !published.includes(key)).sort()];
}

/** The field rules a role sets on an entity. */
export function ruleCount(role: RoleDefinition, entity: string): number {
  return Object.keys(role.entities?.[entity]?.fields ?? {}).length;
}

export const ROLE_KEY = /^[a-z][a-z0-9_]{0,63}$/;
