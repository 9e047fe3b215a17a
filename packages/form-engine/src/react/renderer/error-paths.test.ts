import { describe, expect, it } from 'vitest';
import type { FieldError } from '@bankforge/data-model';
import { distinctErrors, errorsAt, isAtOrUnder, pathAfterRowRemoved, pointersAfterRowRemoved } from './error-paths.js';

const error = (path: string, message = `bad ${path}`): FieldError => ({ path, code: 'x', message, messageZh: message });

describe('error paths', () => {
  it('place an error on its field and on fields it lies inside', () => {
    expect(isAtOrUnder('/balance/currency', '/balance')).toBe(true);
    expect(isAtOrUnder('/balance', '/balance')).toBe(true);
    expect(isAtOrUnder('/balance_limit', '/balance')).toBe(false);
    expect(errorsAt([error('/a'), error('/a/0/b'), error('/ab')], '/a').map((e) => e.path)).toEqual(['/a', '/a/0/b']);
  });

  it('drop repeated messages for the same path', () => {
    const errors = [error('/a', 'Name is required'), error('/a', 'Name is required'), error('/b', 'Name is required')];
    expect(distinctErrors(errors)).toHaveLength(2);
  });

  it('follow rows when one is removed', () => {
    expect(pathAfterRowRemoved('/contacts/2/phone', 'contacts', 1)).toBe('/contacts/1/phone');
    expect(pathAfterRowRemoved('/contacts/1/phone', 'contacts', 1)).toBeNull();
    expect(pathAfterRowRemoved('/contacts/0', 'contacts', 1)).toBe('/contacts/0');
    expect(pathAfterRowRemoved('/contacts', 'contacts', 1)).toBe('/contacts');
    expect(pathAfterRowRemoved('/other/2/x', 'contacts', 1)).toBe('/other/2/x');
    expect([...pointersAfterRowRemoved(new Set(['/contacts/0/a', '/contacts/1/a', '/contacts/3/a']), 'contacts', 1)]).toEqual([
      '/contacts/0/a',
      '/contacts/2/a',
    ]);
  });
});
