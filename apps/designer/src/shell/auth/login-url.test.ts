import { describe, expect, it } from 'vitest';
import { currentPath, loginUrl } from './login-url.js';

describe('login-url', () => {
  it('sends to the runtime login page with the way back encoded', () => {
    expect(loginUrl(currentPath({ pathname: '/designer/entity/customer', search: '?x=1&y=2', hash: '#f' }))).toBe(
      '/login?next=%2Fdesigner%2Fentity%2Fcustomer%3Fx%3D1%26y%3D2%23f',
    );
  });
});
