import type { ConnectorAllowedHosts, ConnectorAuth, ConnectorChange, ConnectorInput, ConnectorTestRequest } from '@bankforge/client';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { withBilingualErrors, type FieldWording } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { splitPem } from './connector-auth.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_TIMEOUT_MS = 60_000;

// An HTTP token (RFC 9110): what a header name may be.
const HEADER_NAME = { type: 'string', pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$" };
// No line breaks: a value must not start another header.
const HEADER_VALUE = { type: 'string', maxLength: 4000, pattern: '^[^\\r\\n\\u0000]*$' };
const HEADERS = { type: 'object', maxProperties: 30, propertyNames: HEADER_NAME, additionalProperties: HEADER_VALUE };
const URL_TEXT = { type: 'string', minLength: 1, maxLength: 2000 };

const authSchema = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['none', 'apiKey', 'basic', 'oauth2ClientCredentials', 'clientCertificate'] },
    header: HEADER_NAME,
    username: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^:\\r\\n]*$' },
    tokenUrl: URL_TEXT,
    clientId: { type: 'string', minLength: 1, maxLength: 200 },
    scope: { type: 'string', maxLength: 500, pattern: '^[^\\r\\n]*$' },
  },
};

const connectorProperties = {
  name: {
    type: 'object',
    required: ['en', 'zh-CN'],
    additionalProperties: false,
    properties: { en: { type: 'string', minLength: 1, maxLength: 200 }, 'zh-CN': { type: 'string', minLength: 1, maxLength: 200 } },
  },
  baseUrl: URL_TEXT,
  auth: authSchema,
  secret: { type: ['string', 'null'], minLength: 1, maxLength: 20_000 },
  timeoutMs: { type: 'integer', minimum: 100, maximum: MAX_TIMEOUT_MS },
  retries: { type: 'integer', minimum: 0, maximum: 5 },
  headers: HEADERS,
};

export const connectorCreateSchema = {
  type: 'object',
  required: ['key', 'name', 'baseUrl', 'auth'],
  additionalProperties: false,
  properties: { key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' }, ...connectorProperties },
};
export const connectorChangeSchema = {
  type: 'object',
  required: ['name', 'baseUrl', 'auth', 'version'],
  additionalProperties: false,
  properties: { ...connectorProperties, version: { type: 'integer', minimum: 1 } },
};

// `host` or `host:port`; an IPv6 address in brackets. Lower case (the request is lowered first).
const HOST = '^(\\[[0-9a-f:.]{2,45}\\]|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)(:[0-9]{1,5})?$';
export const allowedHostsSchema = {
  type: 'object',
  required: ['hosts'],
  additionalProperties: false,
  properties: { hosts: { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', maxLength: 300, pattern: HOST } } },
};

export const connectorTestSchema = {
  type: 'object',
  required: ['method', 'path'],
  additionalProperties: false,
  properties: {
    method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] },
    // Only a path: the host is the connector's. The query goes apart, so nothing is escaped twice.
    path: { type: 'string', maxLength: 2000, pattern: '^(/[^?#\\s]*)?$' },
    query: { type: 'object', maxProperties: 50, propertyNames: { type: 'string', minLength: 1, maxLength: 200 }, additionalProperties: { type: 'string', maxLength: 2000 } },
    headers: HEADERS,
    body: { type: 'string', maxLength: 1_000_000 },
  },
};

/** The fields as an administrator calls them, for the 422s in both languages. */
export const CONNECTOR_FIELDS: Readonly<Record<string, FieldWording>> = {
  '/key': { name: { en: 'The key', zh: '标识' }, pattern: { en: 'must start with a lower-case letter, then up to 63 lower-case letters, digits or underscores', zh: '须以小写字母开头，其后最多 63 个小写字母、数字或下划线' } },
  '/name': { name: { en: 'The name', zh: '名称' } },
  '/baseUrl': { name: { en: 'The base URL', zh: '基础地址' } },
  '/auth': { name: { en: 'The authentication', zh: '认证方式' }, pattern: { en: 'must be a header name, a username or a scope on one line', zh: '须为单行的请求头名称、用户名或范围' } },
  '/secret': { name: { en: 'The secret', zh: '密钥' } },
  '/timeoutMs': { name: { en: 'The timeout', zh: '超时时间' } },
  '/retries': { name: { en: 'The retries', zh: '重试次数' } },
  '/headers': { name: { en: 'The headers', zh: '请求头' }, pattern: { en: 'must be header names with values on one line', zh: '须为请求头名称及单行取值' } },
  '/version': { name: { en: 'The version', zh: '版本' } },
  '/hosts': { name: { en: 'The allowed hosts', zh: '允许的主机' }, pattern: { en: 'must each be a host name or address, with an optional port (core.bank.local, 10.1.2.3:8443)', zh: '须为主机名或地址，可带端口（如 core.bank.local、10.1.2.3:8443）' } },
  '/method': { name: { en: 'The method', zh: '请求方法' } },
  '/path': { name: { en: 'The path', zh: '路径' }, pattern: { en: 'must start with / and hold no query or spaces', zh: '须以 / 开头，且不含查询参数或空格' } },
  '/query': { name: { en: 'The query', zh: '查询参数' } },
  '/body': { name: { en: 'The body', zh: '请求体' } },
  '/': { name: { en: 'The request', zh: '请求' } },
};

const parseCreate = withBilingualErrors(requestSchema<ConnectorInput>(connectorCreateSchema), CONNECTOR_FIELDS);
const parseChange = withBilingualErrors(requestSchema<ConnectorChange>(connectorChangeSchema), CONNECTOR_FIELDS);
const parseHosts = withBilingualErrors(requestSchema<ConnectorAllowedHosts>(allowedHostsSchema), CONNECTOR_FIELDS);
export const parseConnectorTest = withBilingualErrors(requestSchema<ConnectorTestRequest>(connectorTestSchema), CONNECTOR_FIELDS);

export function parseConnectorCreate(body: unknown): ConnectorInput {
  const input = parseCreate(body);
  refuse(checkConnector(input));
  return { ...input, auth: authOf(input.auth) };
}

export function parseConnectorChange(body: unknown): ConnectorChange {
  const change = parseChange(body);
  refuse(checkConnector(change));
  return { ...change, auth: authOf(change.auth) };
}

/** Host names compared as the outbound policy compares them: trimmed, lower case. */
export function parseAllowedHosts(body: unknown): ConnectorAllowedHosts {
  const hosts = (body as { hosts?: unknown } | null)?.hosts;
  const lowered = Array.isArray(hosts) ? { ...(body as object), hosts: hosts.map((h) => (typeof h === 'string' ? h.trim().toLowerCase() : h)) } : body;
  return parseHosts(lowered);
}

function refuse(errors: ProblemFieldError[]): void {
  if (errors.length > 0) throw ProblemError.invalid('The request is not valid.', errors);
}

/** What the schema cannot say: URLs that are http(s) without credentials, and each auth kind's own fields. */
function checkConnector(input: Pick<ConnectorInput, 'baseUrl' | 'auth' | 'secret'>): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const url = urlProblem(input.baseUrl, '/baseUrl', { en: 'The base URL', zh: '基础地址' });
  if (url) errors.push(url);
  const auth = input.auth as Partial<Record<string, string>> & { kind: ConnectorAuth['kind'] };
  const need = (field: string, en: string, zh: string): void => {
    if (auth[field] === undefined) errors.push({ path: `/auth/${field}`, code: 'required', message: `${en} is required for this authentication.`, messageZh: `该认证方式须填写${zh}。` });
  };
  if (auth.kind === 'apiKey') need('header', 'The header name', '请求头名称');
  if (auth.kind === 'basic') need('username', 'The username', '用户名');
  if (auth.kind === 'oauth2ClientCredentials') {
    need('tokenUrl', 'The token URL', '令牌地址');
    need('clientId', 'The client id', '客户端标识');
    if (auth.tokenUrl !== undefined) {
      const token = urlProblem(auth.tokenUrl, '/auth/tokenUrl', { en: 'The token URL', zh: '令牌地址' });
      if (token) errors.push(token);
    }
  }
  if (auth.kind === 'clientCertificate' && typeof input.secret === 'string' && !splitPem(input.secret)) {
    errors.push({ path: '/secret', code: 'pem', message: 'The secret must hold the client certificate and its private key, both PEM.', messageZh: '密钥须包含 PEM 格式的客户端证书及其私钥。' });
  }
  return errors;
}

function urlProblem(text: string, path: string, name: { en: string; zh: string }): ProblemFieldError | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { path, code: 'url', message: `${name.en} must be an absolute http or https URL.`, messageZh: `${name.zh}须为完整的 http 或 https 地址。` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { path, code: 'url', message: `${name.en} must be an absolute http or https URL.`, messageZh: `${name.zh}须为完整的 http 或 https 地址。` };
  if (url.username !== '' || url.password !== '') return { path, code: 'urlCredentials', message: `${name.en} may not carry a user name or password: use the authentication.`, messageZh: `${name.zh}不得包含用户名或密码，请使用认证方式。` };
  if (url.search !== '' || url.hash !== '') return { path, code: 'urlQuery', message: `${name.en} may not carry a query or fragment.`, messageZh: `${name.zh}不得包含查询参数或片段。` };
  return undefined;
}

/** Only the fields of the chosen kind are kept: a username left from `basic` is not stored under `apiKey`. */
function authOf(auth: ConnectorAuth): ConnectorAuth {
  const given = auth as ConnectorAuth & Partial<Record<'header' | 'username' | 'tokenUrl' | 'clientId' | 'scope', string>>;
  switch (given.kind) {
    case 'apiKey':
      return { kind: 'apiKey', header: given.header! };
    case 'basic':
      return { kind: 'basic', username: given.username! };
    case 'oauth2ClientCredentials':
      return { kind: 'oauth2ClientCredentials', tokenUrl: given.tokenUrl!, clientId: given.clientId!, ...(given.scope ? { scope: given.scope } : {}) };
    default:
      return { kind: given.kind };
  }
}
