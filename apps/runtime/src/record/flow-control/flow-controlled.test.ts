import { describe, expect, it } from 'vitest';
import { loanPage } from '../../testing/approvals.js';
import { defaultFormFor } from '../form/default-form.js';
import { controlledFields, markControlled, withFlowControl } from './flow-controlled.js';

describe('flow-controlled fields', () => {
  it("gathers the fields every flow of the entity owns", () => {
    const page = { ...loanPage, flows: [...loanPage.flows!, { key: 'limit_review', name: { en: 'Limit review', 'zh-CN': '额度复核' }, controlledFields: ['purpose'], canStart: false }] };
    expect([...controlledFields(page)].sort()).toEqual(['approved_amount', 'purpose', 'status']);
    expect(controlledFields({ ...loanPage, flows: undefined }).size).toBe(0);
  });

  it('makes them read-only for the reader, leaving hidden and masked ones as they are', () => {
    const page = withFlowControl({ ...loanPage, fieldAccess: { approved_amount: 'hidden', applicant: 'masked' } });
    expect(page.fieldAccess).toEqual({ approved_amount: 'hidden', applicant: 'masked', status: 'readonly' });
    expect(withFlowControl({ ...loanPage, flows: [] })).toEqual({ ...loanPage, flows: [] });
  });

  it('says in their help that the approval flow sets them, in both languages, after any help of their own', () => {
    const form = defaultFormFor(loanPage.entity);
    const withHelp = { ...form, layout: form.layout.map((node) => (node.type === 'field' && node.field === 'status' ? { ...node, help: { en: 'Where the application is.', 'zh-CN': '申请所处状态。' } } : node)) };
    const marked = markControlled(withHelp, controlledFields(loanPage));
    const help = Object.fromEntries(marked.layout.flatMap((node) => (node.type === 'field' && node.help ? [[node.field, node.help]] : [])));
    expect(help).toEqual({
      status: { en: 'Where the application is. Set by the approval flow', 'zh-CN': '申请所处状态。 由审批流程设置' },
      approved_amount: { en: 'Set by the approval flow', 'zh-CN': '由审批流程设置' },
    });
  });
});
