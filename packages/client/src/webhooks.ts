/**
 * Outbound webhooks: administrators subscribe an HTTPS endpoint of another system to domain events
 * (record and case changes). Each delivery is signed the Standard Webhooks way; a subscription's
 * secret is answered once, when it is created or rotated, never again.
 */

/** The domain events a subscription may name, one by one or by prefix (`record.*`). */
export const WEBHOOK_EVENT_TYPES = [
  'record.created',
  'record.updated',
  'record.deleted',
  'record.restored',
  'case.started',
  'case.completed',
  'case.terminated',
  'case.cancelled',
  'task.created',
  'task.completed',
  'task.cancelled',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** An event type, or every type of a family. */
export type WebhookEventSelector = WebhookEventType | 'record.*' | 'case.*' | 'task.*';

export interface WebhookName {
  en: string;
  'zh-CN': string;
}

/** A subscription as the API answers it: never a secret. */
export interface WebhookSubscription {
  key: string;
  name: WebhookName;
  url: string;
  eventTypes: WebhookEventSelector[];
  /** A FEEL condition over the event (`entity`, `type`, `recordId`, `changes`, `actor`); absent: every event of the types. */
  filter?: string;
  /**
   * The roles the receiving system reads through: a record event reaches it only for entities they
   * read with scope `all`, without the fields they hide and with those they mask masked. Empty:
   * every field any role masks or hides is sent masked.
   */
  roles: string[];
  enabled: boolean;
  /** Why the platform disabled it (persistent failure); absent while enabled. */
  disabledReason?: string;
  disabledAt?: string;
  /** Deliveries in a row that ended failed since the last one delivered. */
  consecutiveFailures: number;
  /** While a secret rotates, deliveries carry a signature of the previous secret too, until this time. */
  previousSecretUntil?: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** `POST /api/webhooks`. */
export interface WebhookSubscriptionInput {
  key: string;
  name: WebhookName;
  url: string;
  eventTypes: WebhookEventSelector[];
  filter?: string;
  /** Role keys (see `WebhookSubscription.roles`); absent or empty: none. */
  roles?: string[];
}

/** `PUT /api/webhooks/{key}`: at the version read (stale: 409). */
export interface WebhookSubscriptionChange {
  name: WebhookName;
  url: string;
  eventTypes: WebhookEventSelector[];
  filter?: string;
  /** The roles from now on; absent or empty: none. */
  roles?: string[];
  version: number;
}

/** The answer that creates a subscription or rotates its secret: the only time the secret (`whsec_…`) is shown. */
export interface WebhookSubscriptionWithSecret {
  subscription: WebhookSubscription;
  secret: string;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** One event sent (or to be sent) to one subscription; its id is the `webhook-id` header, the same on every attempt. */
export interface WebhookDelivery {
  id: string;
  subscription: string;
  eventId: string;
  eventType: string;
  state: WebhookDeliveryState;
  attempts: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt?: string;
  /** The HTTP status of the last attempt, when one was answered. */
  lastStatus?: number;
  /** Why the last attempt failed, in short: a status or a refusal, never a body. */
  lastError?: string;
  createdAt: string;
  lastAttemptAt?: string;
  deliveredAt?: string;
}

/** `GET /api/webhooks/{key}/deliveries`: newest first. */
export interface WebhookDeliveryPage {
  items: WebhookDelivery[];
}
