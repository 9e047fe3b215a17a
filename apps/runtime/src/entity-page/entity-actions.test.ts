import { describe, expect, it } from 'vitest';
import { customerPage } from '../testing/customer.js';
import { offers } from './entity-actions.js';

describe('offers', () => {
  it("follows the page model's actions", () => {
    const page = {
      ...customerPage,
      actions: { create: false, update: true, delete: false, export: true, transfer: false },
    };
    expect(
      (['create', 'update', 'delete', 'export', 'transfer'] as const).filter((action) =>
        offers(page, action),
      ),
    ).toEqual(['update', 'export']);
  });

  it('offers everything when an older server sends no actions (the server still refuses)', () => {
    expect(offers(customerPage, 'delete')).toBe(true);
  });
});
