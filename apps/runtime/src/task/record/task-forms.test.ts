import type { FormDefinition } from '@bankforge/form-engine/react';
import { FormModel } from '@bankforge/form-engine/react';
import { describe, expect, it } from 'vitest';
import { loanPage, loanRecord } from '../../testing/approvals.js';
import { taskForms } from './task-forms.js';

const loanForm: FormDefinition = {
  kind: 'form',
  key: 'loan_form',
  title: 'Loan form',
  schemaVersion: 1,
  entity: 'loan',
  label: { en: 'Loan application', 'zh-CN': '贷款申请' },
  layout: [
    {
      id: 's1',
      type: 'section',
      title: { en: 'Decision', 'zh-CN': '决定' },
      children: [
        { id: 'n1', type: 'field', field: 'applicant' },
        { id: 'n4', type: 'field', field: 'approved_amount', label: { en: 'Amount granted', 'zh-CN': '核定金额' } },
      ],
    },
  ],
};

describe('taskForms', () => {
  it('shows the record read-only, and only the editable fields in the decision form', () => {
    const forms = taskForms(loanPage, ['approved_amount']);
    const record = FormModel.forNewRecord(forms.record.compiled);
    expect(Object.values(record.state.fields).every((field) => field.readonly)).toBe(true);
    expect(forms.editable!.fields).toEqual(['approved_amount']);
    const editable = new FormModel(forms.editable!.compiled, loanRecord);
    expect(Object.keys(editable.state.fields)).toEqual(['/approved_amount']);
    expect(editable.state.fields['/approved_amount']!.readonly).toBe(false);
  });

  it("keeps the published form's node of an editable field, with its label", () => {
    const forms = taskForms({ ...loanPage, form: loanForm }, ['approved_amount']);
    expect(forms.record.published).toBe(true);
    expect(forms.editable!.compiled.form.layout).toEqual([loanForm.layout[0]!.type === 'section' ? loanForm.layout[0]!.children[1] : null]);
  });

  it("lets the approver set a field their role only reads, never one hidden or masked from them, nor one the entity lacks", () => {
    const page = { ...loanPage, fieldAccess: { approved_amount: 'readonly', purpose: 'hidden', amount: 'masked' } as const };
    expect(taskForms(page, ['approved_amount', 'purpose', 'amount', 'no_such_field']).editable!.fields).toEqual(['approved_amount']);
    expect(taskForms(page, ['purpose']).editable).toBeNull();
    expect(taskForms(page, []).editable).toBeNull();
  });
});
