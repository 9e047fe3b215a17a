import { describe, expect, it } from 'vitest';
import { newAppDocument } from '../shell/artifact-list/new-artifact.js';
import { addContent, moveContent, removeContent, withLabel } from './app-edits.js';

const crm = () => addContent(addContent(addContent(newAppDocument('crm', 'CRM'), { kind: 'entity', key: 'customer' }), { kind: 'entity', key: 'loan' }), { kind: 'report', key: 'aum' });
const keys = (app: ReturnType<typeof crm>) => app.artifacts.map((a) => `${a.kind}:${a.key}`);

describe('app edits', () => {
  it("takes a removed entity page out of the roles' landings, and keeps the rest", () => {
    const app = {
      ...crm(),
      landing: [
        { role: 'relationship_manager', entity: 'customer', menu: ['customer', 'loan'] },
        { role: 'credit_officer', page: 'inbox' as const, menu: ['loan', 'customer'] },
      ],
    };
    expect(removeContent(app, 0).landing).toEqual([{ role: 'credit_officer', page: 'inbox', menu: ['loan'] }]);
    expect(removeContent(app, 2).landing).toEqual(app.landing);
  });

  it('starts an app with no pages and its title as its label in both languages', () => {
    expect(newAppDocument('crm', 'Bank CRM')).toEqual({ kind: 'app', key: 'crm', title: 'Bank CRM', label: { en: 'Bank CRM', 'zh-CN': 'Bank CRM' }, artifacts: [] });
  });

  it('adds at the end, once per kind and key', () => {
    const app = crm();
    expect(keys(app)).toEqual(['entity:customer', 'entity:loan', 'report:aum']);
    expect(addContent(app, { kind: 'entity', key: 'loan' })).toBe(app);
    expect(keys(addContent(app, { kind: 'form', key: 'loan' }))).toEqual(['entity:customer', 'entity:loan', 'report:aum', 'form:loan']);
  });

  it('moves one place up or down, and not past either end', () => {
    const app = crm();
    expect(keys(moveContent(app, 1, -1))).toEqual(['entity:loan', 'entity:customer', 'report:aum']);
    expect(keys(moveContent(app, 1, 1))).toEqual(['entity:customer', 'report:aum', 'entity:loan']);
    expect(moveContent(app, 0, -1)).toBe(app);
    expect(moveContent(app, 2, 1)).toBe(app);
  });

  it('removes by position and sets one language of the label', () => {
    expect(keys(removeContent(crm(), 1))).toEqual(['entity:customer', 'report:aum']);
    const { label, ...unlabelled } = crm();
    expect(label).toBeDefined();
    expect(withLabel({ ...unlabelled }, 'zh-CN', '银行客户关系管理').label).toEqual({ en: 'CRM', 'zh-CN': '银行客户关系管理' });
  });
});
