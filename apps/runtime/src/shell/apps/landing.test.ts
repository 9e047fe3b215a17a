import type { RuntimeApp } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { landingPath } from './landing.js';

const item = (entity: string) => ({ entity, label: { en: entity, 'zh-CN': entity }, pluralLabel: { en: entity, 'zh-CN': entity } });
const app: RuntimeApp = { key: 'bank_crm', label: { en: 'Bank CRM', 'zh-CN': '银行客户关系管理' }, menu: [item('branch'), item('customer')] };

describe('landingPath', () => {
  it("opens the entity page the reader's role works from", () => {
    expect(landingPath({ ...app, landing: { entity: 'customer' } })).toBe('/bank_crm/customer');
  });

  it("opens the runtime's own pages at their place", () => {
    expect(landingPath({ ...app, landing: { page: 'inbox' } })).toBe('/inbox');
    expect(landingPath({ ...app, landing: { page: 'audit' } })).toBe('/audit');
    expect(landingPath({ ...app, landing: { page: 'cases' } })).toBe('/cases');
  });

  it('opens the first menu page without a landing, and nothing in an app without pages', () => {
    expect(landingPath(app)).toBe('/bank_crm/branch');
    expect(landingPath({ ...app, menu: [] })).toBeUndefined();
  });
});
