import { describe, expect, it } from 'vitest';
import { currentPath, loginUrl, safeNext } from './login-url.js';

const origin = 'https://crm.bank.example';

describe('loginUrl', () => {
  it('carries the path to come back to, encoded', () => {
    expect(loginUrl('/crm/customer?x=1&y=2')).toBe('/login?next=%2Fcrm%2Fcustomer%3Fx%3D1%26y%3D2');
    expect(currentPath({ pathname: '/crm/customer/7', search: '?a=1', hash: '#notes' })).toBe('/crm/customer/7?a=1#notes');
  });

  it('comes back to a designer page, its query and fragment included', () => {
    expect(loginUrl(currentPath({ pathname: '/designer/entity/customer', search: '?x=1&y=2', hash: '#f' }))).toBe(
      '/login?next=%2Fdesigner%2Fentity%2Fcustomer%3Fx%3D1%26y%3D2%23f',
    );
  });
});

describe('safeNext', () => {
  it('keeps same-origin paths of the runtime and the designer', () => {
    expect(safeNext('/crm/customer/new', origin)).toBe('/crm/customer/new');
    expect(safeNext('/designer/form/customer_form?tab=2#x', origin)).toBe('/designer/form/customer_form?tab=2#x');
  });

  it('sends anything else to the start page', () => {
    for (const next of [null, '', 'crm/customer', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', `${origin}/crm`]) {
      expect(safeNext(next, origin), String(next)).toBe('/');
    }
  });
});
