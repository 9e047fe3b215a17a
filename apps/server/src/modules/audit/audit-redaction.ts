import { normalizeFieldValue, type EntityDefinition, type RecordFilter } from '@bankforge/data-model';
import type { RoleDefinition } from '../access/role.js';
import type { DirectoryService } from '../auth/directory.service.js';
import type { FieldCipher } from '../../platform/crypto/field-cipher.js';
import type { SqlExecutor } from '../../platform/database/database.js';

/** A value the audit log keeps only as its keyed hash: equal values give equal hashes, and the hash reveals nothing without the index key. */
export interface RedactedValue {
  hmac: string;
}

/**
 * The fields whose values no store keeps in clear, whoever reads it: those the entity marks
 * sensitive, and those derived from one (a birth date read from the resident ID). The part of the
 * audit's protected fields that needs no role: what domain events (read by no role) go by too.
 */
export function sensitiveFields(entity: EntityDefinition): ReadonlySet<string> {
  const sensitive = new Set(entity.fields.filter((f) => f.sensitive === true).map((f) => f.key));
  for (const field of entity.fields) if (field.derivedFrom !== undefined && sensitive.has(field.derivedFrom)) sensitive.add(field.key);
  return sensitive;
}

/**
 * The fields of an entity that some role masks or hides, and those derived from one: what a reader
 * who could hold any of the roles must not be shown in clear.
 */
export function fieldsAnyRoleRestricts(entity: EntityDefinition, roles: readonly RoleDefinition[]): ReadonlySet<string> {
  const ruled = new Set<string>();
  for (const role of roles) {
    const grant = role.entities && Object.hasOwn(role.entities, entity.key) ? role.entities[entity.key] : undefined;
    for (const [key, rule] of Object.entries(grant?.fields ?? {})) if (rule.access === 'masked' || rule.access === 'hidden') ruled.add(key);
  }
  const restricted = new Set<string>();
  for (const field of entity.fields) {
    const source = field.derivedFrom;
    if (ruled.has(field.key) || (source !== undefined && ruled.has(source))) restricted.add(field.key);
  }
  return restricted;
}

/**
 * What the audit log may keep of the values a person searched or exported by. Its readers (the
 * compliance role) may see a field masked that the searcher saw in clear, so a value of a sensitive
 * field, or of one any role masks or hides, is kept as the HMAC the blind index uses: for an
 * encrypted field it equals the record's `<field>_bidx`, so an investigator with database access can
 * still tell which record was looked for, without the log becoming a copy of the secrets.
 */
export class AuditRedaction {
  constructor(
    private readonly directory: Pick<DirectoryService, 'roles'>,
    private readonly cipher: Pick<FieldCipher, 'blindIndex'>,
  ) {}

  /** The fields of an entity whose values the audit log keeps only hashed (`sql`: the connection the caller already holds). */
  async protectedFields(entity: EntityDefinition, sql?: SqlExecutor): Promise<ReadonlySet<string>> {
    return new Set([...sensitiveFields(entity), ...fieldsAnyRoleRestricts(entity, await this.directory.roles(sql))]);
  }

  /** A query's filter as the audit log keeps it: the shape and every field and operator, the protected fields' values hashed. */
  async filter(entity: EntityDefinition, filter: RecordFilter | undefined): Promise<unknown> {
    if (filter === undefined) return null;
    const protectedKeys = await this.protectedFields(entity);
    const walk = (node: unknown, depth: number): unknown => {
      // The request was validated before it reached here; anything else is kept as a marker, never as data.
      if (typeof node !== 'object' || node === null || depth > 64) return '[unreadable]';
      if ('and' in node && Array.isArray(node.and)) return { and: node.and.map((n) => walk(n, depth + 1)) };
      if ('or' in node && Array.isArray(node.or)) return { or: node.or.map((n) => walk(n, depth + 1)) };
      if ('not' in node) return { not: walk(node.not, depth + 1) };
      const condition = node as { field?: unknown; op?: unknown; value?: unknown };
      const path = typeof condition.field === 'string' ? condition.field.split('.')[0] : undefined;
      const field = entity.fields.find((f) => f.key === path);
      if (!field || !protectedKeys.has(field.key) || !('value' in condition) || condition.op === 'isNull') return node;
      const hash = (value: unknown): RedactedValue => {
        const canonical = typeof value === 'string' && field.sensitive === true ? normalizeFieldValue(field, value) : value;
        return { hmac: this.cipher.blindIndex(typeof canonical === 'string' ? canonical : JSON.stringify(canonical ?? null)) };
      };
      return { ...condition, value: Array.isArray(condition.value) ? condition.value.map(hash) : hash(condition.value) };
    };
    return walk(filter, 0);
  }

  /** Every value of an object (report parameters, drill-down selections) hashed, keys kept. */
  values(values: unknown): unknown {
    if (Array.isArray(values)) return values.map((v) => this.values(v));
    if (typeof values !== 'object' || values === null) return { hmac: this.cipher.blindIndex(JSON.stringify(values ?? null)) };
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, this.values(value)]));
  }
}
