import type { Connector, ConnectorAuth, ConnectorAuthKind, ConnectorChange, ConnectorInput } from '@bankforge/client';

export const AUTH_KINDS: readonly ConnectorAuthKind[] = ['none', 'apiKey', 'basic', 'oauth2ClientCredentials', 'clientCertificate'];

/** What the administrator does with the secret: keeps the stored one, types a new one, or clears it. */
export type SecretChoice = { action: 'keep' } | { action: 'replace'; value: string } | { action: 'clear' };

/** The dialog's fields as typed (numbers and headers as text). */
export interface ConnectorForm {
  key: string;
  nameEn: string;
  nameZh: string;
  baseUrl: string;
  kind: ConnectorAuthKind;
  header: string;
  username: string;
  tokenUrl: string;
  clientId: string;
  scope: string;
  secret: SecretChoice;
  timeoutMs: string;
  retries: string;
  headers: string;
}

export function emptyForm(): ConnectorForm {
  return { key: '', nameEn: '', nameZh: '', baseUrl: '', kind: 'none', header: 'X-Api-Key', username: '', tokenUrl: '', clientId: '', scope: '', secret: { action: 'keep' }, timeoutMs: '10000', retries: '0', headers: '' };
}

/** A stored connector in the dialog: the secret is never known here, only whether there is one. */
export function formOf(connector: Connector): ConnectorForm {
  const auth = connector.auth as ConnectorAuth & Partial<Record<'header' | 'username' | 'tokenUrl' | 'clientId' | 'scope', string>>;
  return {
    ...emptyForm(),
    key: connector.key,
    nameEn: connector.name.en,
    nameZh: connector.name['zh-CN'],
    baseUrl: connector.baseUrl,
    kind: auth.kind,
    header: auth.header ?? 'X-Api-Key',
    username: auth.username ?? '',
    tokenUrl: auth.tokenUrl ?? '',
    clientId: auth.clientId ?? '',
    scope: auth.scope ?? '',
    timeoutMs: String(connector.timeoutMs),
    retries: String(connector.retries),
    headers: Object.entries(connector.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
  };
}

/** `Name: value` lines as headers; undefined when a line is not one. */
export function parseHeaders(text: string): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function authOf(form: ConnectorForm): ConnectorAuth {
  switch (form.kind) {
    case 'apiKey':
      return { kind: 'apiKey', header: form.header.trim() };
    case 'basic':
      return { kind: 'basic', username: form.username.trim() };
    case 'oauth2ClientCredentials':
      return { kind: 'oauth2ClientCredentials', tokenUrl: form.tokenUrl.trim(), clientId: form.clientId.trim(), ...(form.scope.trim() ? { scope: form.scope.trim() } : {}) };
    default:
      return { kind: form.kind };
  }
}

/** The fields a request needs that are left empty (by the request's field path's first segment and the form field). */
export function missingFields(form: ConnectorForm, creating: boolean): (keyof ConnectorForm)[] {
  const needed: (keyof ConnectorForm)[] = [...(creating ? (['key'] as const) : []), 'nameEn', 'nameZh', 'baseUrl'];
  if (form.kind === 'apiKey') needed.push('header');
  if (form.kind === 'basic') needed.push('username');
  if (form.kind === 'oauth2ClientCredentials') needed.push('tokenUrl', 'clientId');
  return needed.filter((field) => String(form[field]).trim() === '');
}

/** The body the server takes; `secret` only when the administrator replaced or cleared it (a PUT without it keeps the stored one). */
export function requestOf(form: ConnectorForm, headers: Record<string, string>): Omit<ConnectorInput, 'key'> {
  const secret = form.kind === 'none' ? undefined : form.secret.action === 'replace' ? form.secret.value : form.secret.action === 'clear' ? null : undefined;
  return {
    name: { en: form.nameEn.trim(), 'zh-CN': form.nameZh.trim() },
    baseUrl: form.baseUrl.trim(),
    auth: authOf(form),
    ...(secret !== undefined ? { secret } : {}),
    timeoutMs: Number(form.timeoutMs),
    retries: Number(form.retries),
    headers,
  };
}

export function createRequest(form: ConnectorForm, headers: Record<string, string>): ConnectorInput {
  return { key: form.key.trim(), ...requestOf(form, headers) };
}

export function changeRequest(form: ConnectorForm, headers: Record<string, string>, version: number): ConnectorChange {
  return { ...requestOf(form, headers), version };
}
