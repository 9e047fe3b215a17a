import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import type { JsonValue } from '@bankforge/flow-engine';
import { AccessProfile, type FieldView } from '../access/access-profile.js';
import { defaultMaskOf, maskValue } from '../access/masking.js';
import type { RoleDefinition } from '../access/role.js';
import { fieldsAnyRoleRestricts } from '../audit/audit-redaction.js';
import type { DomainEvent, FieldChange } from '../events/domain-events.js';

/**
 * The receiving system of a subscription, as field rules see it. It has no records of its own and
 * no branch, so it hears of an entity's records only where its roles read them with scope `all`.
 */
export interface WebhookReader {
  reads(entity: string): boolean;
  field(entity: EntityDefinition, field: FieldDefinition): FieldView;
}

const CLEAR: FieldView = { see: 'clear', write: false };

/** A subscription that names roles reads through their merged access, never as an administrator. */
export function rolesReader(roles: readonly RoleDefinition[]): WebhookReader {
  const access = new AccessProfile(roles, false);
  return {
    reads: (entity) => access.entity(entity).scope('read') === 'all',
    field: (entity, field) => access.entity(entity.key).field(field.key, field.derivedFrom),
  };
}

/**
 * A subscription without roles (those made before roles could be named) could be read by anyone:
 * every field some role masks or hides reaches it masked with the field's default mask.
 */
export function carefulReader(allRoles: readonly RoleDefinition[]): WebhookReader {
  const restricted = new Map<string, ReadonlySet<string>>();
  return {
    reads: () => true,
    field: (entity, field) => {
      let fields = restricted.get(entity.key);
      if (!fields) restricted.set(entity.key, (fields = fieldsAnyRoleRestricts(entity, allRoles)));
      return fields.has(field.key) ? { see: 'masked', write: false, mask: defaultMaskOf(field) } : CLEAR;
    },
  };
}

/**
 * The event as the reader may see it, or undefined when it may not hear of it. A record event
 * leaves out the fields the reader's rules hide and masks those they mask, old and new alike; a
 * sensitive field stays `{ masked: true }`. A case event names no field values: it goes to a reader
 * of the case's record entity, and always for a case without a record (its entity `flow:<key>`).
 * Without the entity's definition (`entity` undefined) no value is sent, only which fields changed.
 */
export function eventAsRead(event: DomainEvent, reader: WebhookReader, entity: EntityDefinition | undefined): DomainEvent | undefined {
  if (!event.type.startsWith('record.')) return event.entity.startsWith('flow:') || reader.reads(event.entity) ? event : undefined;
  if (!reader.reads(event.entity)) return undefined;
  const changes: Record<string, FieldChange> = {};
  for (const [key, change] of Object.entries(event.changes)) {
    const field = entity?.fields.find((f) => f.key === key);
    if (!entity || !field) {
      changes[key] = { masked: true };
      continue;
    }
    const view = reader.field(entity, field);
    if (view.see === 'none') continue;
    changes[key] = view.see === 'masked' && !('masked' in change) ? maskedChange(change, view.mask ?? defaultMaskOf(field)) : change;
  }
  return { ...event, changes };
}

function maskedChange(change: { old?: JsonValue; new: JsonValue }, mask: NonNullable<FieldView['mask']>): FieldChange {
  const masked = (value: JsonValue): JsonValue => maskValue(value, mask) as JsonValue;
  return 'old' in change ? { old: masked(change.old!), new: masked(change.new) } : { new: masked(change.new) };
}
