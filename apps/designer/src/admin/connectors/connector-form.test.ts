import { describe, expect, it } from 'vitest';
import { changeRequest, createRequest, emptyForm, formOf, missingFields, parseHeaders } from './connector-form.js';

const stored = {
  key: 'core_banking',
  name: { en: 'Core banking', 'zh-CN': '核心系统' },
  baseUrl: 'https://core.bank.local/api',
  auth: { kind: 'apiKey' as const, header: 'X-Api-Key' },
  hasSecret: true,
  timeoutMs: 5000,
  retries: 2,
  headers: { accept: 'application/json' },
  version: 3,
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'admin',
  updatedAt: '2026-03-01T09:00:00.000Z',
  updatedBy: 'admin',
};

describe('connector form', () => {
  it('sends no secret while the stored one is kept, a new one when replaced, null when cleared', () => {
    const form = formOf(stored);
    expect(changeRequest(form, {}, 3)).not.toHaveProperty('secret');
    expect(changeRequest({ ...form, secret: { action: 'replace', value: 'k2' } }, {}, 3)).toMatchObject({ secret: 'k2', version: 3 });
    expect(changeRequest({ ...form, secret: { action: 'clear' } }, {}, 3)).toMatchObject({ secret: null });
  });

  it('keeps only the fields of the chosen authentication', () => {
    const form = { ...emptyForm(), key: 'bureau', nameEn: 'B', nameZh: '征', baseUrl: 'https://b', kind: 'basic' as const, username: ' svc ', header: 'X-Left-Over' };
    expect(createRequest(form, {})).toMatchObject({ key: 'bureau', auth: { kind: 'basic', username: 'svc' }, timeoutMs: 10000, retries: 0 });
    expect(missingFields({ ...form, username: '' }, true)).toEqual(['username']);
    expect(missingFields({ ...emptyForm(), kind: 'oauth2ClientCredentials' }, false)).toEqual(['nameEn', 'nameZh', 'baseUrl', 'tokenUrl', 'clientId']);
  });

  it('reads headers as Name: value lines', () => {
    expect(parseHeaders('Accept: application/json\n\nX-Channel: crm')).toEqual({ Accept: 'application/json', 'X-Channel': 'crm' });
    expect(parseHeaders('no colon here')).toBeUndefined();
  });
});
