import type {
  WebhookEventSelector,
  WebhookSubscription,
  WebhookSubscriptionChange,
  WebhookSubscriptionInput,
} from '@bankforge/client';

/** The choices of the event type checkboxes, by family: the family's "every" first. */
export const EVENT_TYPE_GROUPS: readonly (readonly WebhookEventSelector[])[] = [
  ['record.*', 'record.created', 'record.updated', 'record.deleted', 'record.restored'],
  ['case.*', 'case.started', 'case.completed', 'case.terminated', 'case.cancelled'],
  ['task.*', 'task.created', 'task.completed', 'task.cancelled'],
];

/** A type's message key under `webhooks.type.` (i18next reads dots as nesting): `record_updated`, `record_all`. */
export function typeLabelKey(type: WebhookEventSelector): string {
  return `webhooks.type.${type.replace('.*', '_all').replace('.', '_')}`;
}

/** What a filter reads of an event (the fields its receiver is sent): the FEEL editor's known names. */
export const FILTER_NAMES: ReadonlySet<string> = new Set(['type', 'entity', 'recordId', 'changes', 'actor', 'occurredAt']);

/** The dialog's fields as typed. */
export interface WebhookForm {
  key: string;
  nameEn: string;
  nameZh: string;
  url: string;
  eventTypes: WebhookEventSelector[];
  filter: string;
  /** The role keys the receiving system reads through; none: every field any role restricts is sent masked. */
  roles: string[];
}

export function emptyForm(): WebhookForm {
  return { key: '', nameEn: '', nameZh: '', url: '', eventTypes: [], filter: '', roles: [] };
}

export function formOf(subscription: WebhookSubscription): WebhookForm {
  return {
    key: subscription.key,
    nameEn: subscription.name.en,
    nameZh: subscription.name['zh-CN'],
    url: subscription.url,
    eventTypes: [...subscription.eventTypes],
    filter: subscription.filter ?? '',
    roles: [...subscription.roles],
  };
}

/** Fields left empty that must be filled (the key only when creating). */
export function missingFields(form: WebhookForm, creating: boolean): (keyof WebhookForm)[] {
  const text = (['key', 'nameEn', 'nameZh', 'url'] as const).filter(
    (field) => (field !== 'key' || creating) && form[field].trim() === '',
  );
  return form.eventTypes.length === 0 ? [...text, 'eventTypes'] : text;
}

/** Ticks or unticks a type; a family's "every" stands for its members, which are then dropped. */
export function toggleType(
  selected: readonly WebhookEventSelector[],
  type: WebhookEventSelector,
  on: boolean,
): WebhookEventSelector[] {
  if (!on) return selected.filter((t) => t !== type);
  if (type.endsWith('.*')) {
    const family = type.slice(0, -1);
    return [...selected.filter((t) => !t.startsWith(family)), type];
  }
  return [...selected, type];
}

function common(form: WebhookForm): Omit<WebhookSubscriptionChange, 'version'> {
  const filter = form.filter.trim();
  return {
    name: { en: form.nameEn.trim(), 'zh-CN': form.nameZh.trim() },
    url: form.url.trim(),
    eventTypes: form.eventTypes,
    ...(filter ? { filter } : {}),
    ...(form.roles.length > 0 ? { roles: form.roles } : {}),
  };
}

export function createRequest(form: WebhookForm): WebhookSubscriptionInput {
  return { key: form.key.trim(), ...common(form) };
}

export function changeRequest(form: WebhookForm, version: number): WebhookSubscriptionChange {
  return { ...common(form), version };
}
