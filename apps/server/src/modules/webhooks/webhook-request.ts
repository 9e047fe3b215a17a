import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryState, type WebhookSubscriptionChange, type WebhookSubscriptionInput } from '@bankforge/client';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { withBilingualErrors, type FieldWording } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { filterSyntaxProblem } from './webhook-match.js';

export const WEBHOOK_KEY = '^[a-z][a-z0-9_]{0,63}$';
const SELECTORS = [...WEBHOOK_EVENT_TYPES, 'record.*', 'case.*', 'task.*'];

const subscriptionProperties = {
  name: {
    type: 'object',
    required: ['en', 'zh-CN'],
    additionalProperties: false,
    properties: { en: { type: 'string', minLength: 1, maxLength: 200 }, 'zh-CN': { type: 'string', minLength: 1, maxLength: 200 } },
  },
  url: { type: 'string', minLength: 1, maxLength: 2000 },
  eventTypes: { type: 'array', minItems: 1, maxItems: SELECTORS.length, uniqueItems: true, items: { enum: SELECTORS } },
  filter: { type: 'string', maxLength: 2000 },
  // Role keys, as an API key names them; absent or empty: the careful reader (see webhook-reader.ts).
  roles: { type: 'array', maxItems: 32, uniqueItems: true, items: { type: 'string', pattern: WEBHOOK_KEY } },
};

export const webhookCreateSchema = {
  type: 'object',
  required: ['key', 'name', 'url', 'eventTypes'],
  additionalProperties: false,
  properties: { key: { type: 'string', pattern: WEBHOOK_KEY }, ...subscriptionProperties },
};
export const webhookChangeSchema = {
  type: 'object',
  required: ['name', 'url', 'eventTypes', 'version'],
  additionalProperties: false,
  properties: { ...subscriptionProperties, version: { type: 'integer', minimum: 1 } },
};

/** The fields as an administrator calls them, for the 422s in both languages. */
const WEBHOOK_FIELDS: Readonly<Record<string, FieldWording>> = {
  '/key': { name: { en: 'The key', zh: '标识' }, pattern: { en: 'must start with a lower-case letter, then up to 63 lower-case letters, digits or underscores', zh: '须以小写字母开头，其后最多 63 个小写字母、数字或下划线' } },
  '/name': { name: { en: 'The name', zh: '名称' } },
  '/url': { name: { en: 'The URL', zh: '地址' } },
  '/eventTypes': { name: { en: 'The event types', zh: '事件类型' } },
  '/filter': { name: { en: 'The filter', zh: '筛选条件' } },
  '/roles': { name: { en: 'The roles', zh: '角色' }, pattern: { en: 'must each be a role key (a lower-case letter, then lower-case letters, digits or underscores)', zh: '均须为角色标识（小写字母开头，其后为小写字母、数字或下划线）' } },
  '/version': { name: { en: 'The version', zh: '版本' } },
  '/': { name: { en: 'The request', zh: '请求' } },
};

const parseCreate = withBilingualErrors(requestSchema<WebhookSubscriptionInput>(webhookCreateSchema), WEBHOOK_FIELDS);
const parseChange = withBilingualErrors(requestSchema<WebhookSubscriptionChange>(webhookChangeSchema), WEBHOOK_FIELDS);

export function parseWebhookCreate(body: unknown): WebhookSubscriptionInput {
  return checked(parseCreate(body));
}

export function parseWebhookChange(body: unknown): WebhookSubscriptionChange {
  return checked(parseChange(body));
}

/** `?state=&limit=` of the delivery log: unknown states are refused, the limit kept to 1..200 (50 by default). */
export function parseDeliveryQuery(state: string | undefined, limit: string | undefined): { state?: WebhookDeliveryState; limit: number } {
  if (state !== undefined && state !== '' && !['pending', 'delivered', 'failed'].includes(state)) {
    throw ProblemError.badRequest('invalidQuery', 'The state must be pending, delivered or failed.', [
      { path: '/state', code: 'enum', message: 'The state must be pending, delivered or failed.', messageZh: '状态须为 pending、delivered 或 failed。' },
    ]);
  }
  const parsed = limit === undefined || limit === '' ? 50 : Number(limit);
  return { ...(state ? { state: state as WebhookDeliveryState } : {}), limit: Number.isInteger(parsed) ? Math.min(200, Math.max(1, parsed)) : 50 };
}

/** What the schema cannot say: an http(s) URL without credentials, a filter that parses (an empty one is none). */
function checked<T extends { url: string; filter?: string }>(input: T): T {
  const errors: ProblemFieldError[] = [];
  const url = urlProblem(input.url);
  if (url) errors.push(url);
  const filter = input.filter?.trim();
  if (filter) {
    const problem = filterSyntaxProblem(filter);
    if (problem) errors.push({ path: '/filter', code: 'feelSyntax', message: `The filter is not valid FEEL (${problem}).`, messageZh: `筛选条件不是有效的 FEEL 表达式（${problem}）。` });
  }
  if (errors.length > 0) throw ProblemError.invalid('The request is not valid.', errors);
  const { filter: _given, ...rest } = input;
  return (filter ? { ...rest, filter } : rest) as T;
}

function urlProblem(text: string): ProblemFieldError | undefined {
  const bad = { path: '/url', code: 'url', message: 'The URL must be an absolute http or https URL.', messageZh: '地址须为完整的 http 或 https 地址。' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad;
  if (url.username !== '' || url.password !== '') return { path: '/url', code: 'urlCredentials', message: 'The URL may not carry a user name or password.', messageZh: '地址不得包含用户名或密码。' };
  return undefined;
}
