import { describe, expect, it } from 'vitest';
import { entityKind, type EntityDefinition } from '@bankforge/data-model';
import { customerEntity, customerForm, loanApprovalFlow, loanPipelineReport } from '@bankforge/example-bank-crm';
import { flowKind, type ApprovalNode, type FlowDefinition } from '@bankforge/flow-engine';
import { formKind, type FormDefinition, type FormNode } from '@bankforge/form-engine';
import { reportKind } from '@bankforge/report-engine';
import { decisionKind, type DecisionArtifact } from '@bankforge/rule-engine';
import { loanScoringDecision } from '@bankforge/example-bank-crm';
import { diffVersions } from './version-diff.js';

const copy = <T>(value: T): T => structuredClone(value);

describe('diffVersions', () => {
  it('keys entity fields by id: one field inserted at the top is one added field, a changed one names its label and property', () => {
    const v1 = copy(customerEntity);
    const v2 = copy(customerEntity);
    v2.fields.unshift({ id: 'f_monthly_income', key: 'monthly_income', type: 'money', label: { en: 'Monthly income', 'zh-CN': '月收入' } });
    const name = v2.fields.find((f) => f.id === 'f_customer_name')!;
    name.required = false;
    name.label['zh-CN'] = '姓名';
    const changes = diffVersions({ ...v1, version: 1 }, { ...v2, version: 2 }, entityKind.elements);
    expect(changes).toEqual([
      expect.objectContaining({ op: 'add', path: '/fields/0', element: { type: 'field', id: 'f_monthly_income', label: { en: 'Monthly income', 'zh-CN': '月收入' } } }),
      { op: 'replace', path: '/fields/2/label/zh-CN', element: { type: 'field', id: 'f_customer_name', label: { en: 'Name', 'zh-CN': '姓名' } }, property: 'label.zh-CN', from: '客户名称', value: '姓名' },
      { op: 'replace', path: '/fields/2/required', element: { type: 'field', id: 'f_customer_name', label: { en: 'Name', 'zh-CN': '姓名' } }, property: 'required', from: true, value: false },
    ]);
    // The added field's own properties come with it; none of the fields after it moved or changed.
    expect(changes[0]!.value).toEqual({ id: 'f_monthly_income', key: 'monthly_income', type: 'money', label: { en: 'Monthly income', 'zh-CN': '月收入' } });
  });

  it('names a renamed field by id, and an added option with the field it is in', () => {
    const v1 = copy(customerEntity);
    const v2: EntityDefinition = copy(customerEntity);
    v2.fields.find((f) => f.id === 'f_customer_name')!.key = 'full_name';
    v2.fields.find((f) => f.key === 'segment')!.options!.push({ value: 'youth', label: { en: 'Youth', 'zh-CN': '青年客户' } });
    const changes = diffVersions(v1, v2, entityKind.elements);
    expect(changes).toEqual([
      expect.objectContaining({ op: 'replace', property: 'key', from: 'name', value: 'full_name', element: expect.objectContaining({ id: 'f_customer_name' }) }),
      expect.objectContaining({ op: 'add', element: { type: 'option', id: expect.stringMatching(/\/youth$/), label: { en: 'Youth', 'zh-CN': '青年客户' } }, within: expect.objectContaining({ type: 'field', label: expect.objectContaining({ en: 'Segment' }) }) }),
    ]);
  });

  it('tells a field moved to another section in a form, and one moved up among its siblings', () => {
    const v1 = copy(customerForm);
    const v2: FormDefinition = copy(customerForm);
    const sections = v2.layout as Extract<FormNode, { type: 'section' }>[];
    const columns = sections[0]!.children[0] as Extract<FormNode, { type: 'columns' }>;
    const left = columns.columns[0]!.children;
    const [branch] = left.splice(left.findIndex((n) => n.id === 'n_branch'), 1);
    sections[1]!.children.push(branch!);
    const [segment] = left.splice(left.findIndex((n) => n.id === 'n_segment'), 1);
    left.unshift(segment!);
    const changes = diffVersions(v1, v2, formKind.elements);
    expect(changes.filter((c) => c.op === 'move').map((c) => [c.element?.id, c.from, c.value])).toEqual([
      ['n_segment', { within: expect.objectContaining({ type: 'column', id: 'c_identity_left' }), position: 4 }, { within: expect.objectContaining({ type: 'column', id: 'c_identity_left' }), position: 1 }],
      ['n_branch', { within: expect.objectContaining({ type: 'column' }), position: 5 }, { within: { type: 'section', id: 's_kyc', label: { en: 'KYC and risk', 'zh-CN': '身份核验与风险' } }, position: expect.any(Number) }],
    ]);
    expect(changes.every((c) => c.op === 'move')).toBe(true);
  });

  it('compares a flow by step and connection ids, and a step moved on the canvas is no change', () => {
    const v1 = copy(loanApprovalFlow);
    const v2: FlowDefinition = copy(loanApprovalFlow);
    const manager = v2.nodes.find((n) => n.id === 'branchManagerApproval') as ApprovalNode;
    manager.mode = 'all';
    manager.position = { x: 400, y: 80 };
    v2.nodes.reverse();
    v2.nodes.push({ id: 'notifyCompliance', type: 'notify', name: { en: 'Tell compliance', 'zh-CN': '通知合规' }, kind: 'cc', to: [{ kind: 'role', role: 'compliance_officer' }], template: 'Approved' });
    v2.edges = v2.edges.filter((e) => e.id !== 'branchManagerApproved');
    v2.edges.push({ id: 'toCompliance', source: 'branchManagerApproval', target: 'notifyCompliance' }, { id: 'complianceDone', source: 'notifyCompliance', target: 'approved' });
    const changes = diffVersions(v1, v2, flowKind.elements);
    expect(changes.map((c) => [c.op, c.element?.type, c.element?.id, c.property])).toEqual([
      ['replace', 'step', 'branchManagerApproval', 'mode'],
      ['add', 'step', 'notifyCompliance', undefined],
      ['add', 'connection', 'toCompliance', undefined],
      ['add', 'connection', 'complianceDone', undefined],
      ['remove', 'connection', 'branchManagerApproved', undefined],
    ]);
    expect(changes[0]).toMatchObject({ element: { label: { en: 'Branch manager approval' } }, from: 'single', value: 'all' });
    // An unnamed connection is named by the steps it joins.
    expect(changes[2]!.element!.label).toEqual({ en: 'Branch manager approval → Tell compliance', 'zh-CN': '支行行长审批 → 通知合规' });
  });

  it('keys a report by its columns and a decision by its rules; the document’s own properties by name', () => {
    const report = copy(loanPipelineReport);
    const changedReport = copy(loanPipelineReport);
    changedReport.title = 'Loan pipeline by branch';
    changedReport.measures = [...(changedReport.measures ?? []).slice(1).reverse()];
    const reportChanges = diffVersions(report, changedReport, reportKind.elements);
    expect(reportChanges[0]).toEqual({ op: 'replace', path: '/title', property: 'title', from: 'Loan pipeline', value: 'Loan pipeline by branch' });
    expect(reportChanges.filter((c) => c.op === 'remove').map((c) => c.element?.type)).toEqual(['measure']);

    const decision: DecisionArtifact = copy(loanScoringDecision);
    const next: DecisionArtifact = copy(loanScoringDecision);
    const table = next.decisions[0]!.logic as { rules: { id?: string; outputEntries: string[] }[] };
    table.rules.find((r) => r.id === 'credit-good')!.outputEntries = ['50'];
    const decisionChanges = diffVersions(decision, next, decisionKind.elements);
    expect(decisionChanges).toEqual([
      expect.objectContaining({ op: 'replace', property: 'outputEntries', from: ['45'], value: ['50'], element: { type: 'rule', id: 'Score/credit-good', label: { en: 'credit-good' } }, within: expect.objectContaining({ type: 'decision', id: 'Score' }) }),
    ]);
  });

  it('compares a kind without elements property by property, and equal versions have no changes', () => {
    expect(diffVersions({ kind: 'calendar', title: 'A', years: { 2026: { holidays: ['2026-01-01'] } } }, { kind: 'calendar', title: 'A', years: { 2026: { holidays: ['2026-01-01', '2026-05-01'] } } })).toEqual([
      { op: 'replace', path: '/years/2026/holidays', property: 'years.2026.holidays', from: ['2026-01-01'], value: ['2026-01-01', '2026-05-01'] },
    ]);
    expect(diffVersions({ ...loanApprovalFlow, version: 1 }, { ...loanApprovalFlow, version: 2 }, flowKind.elements)).toEqual([]);
  });
});
