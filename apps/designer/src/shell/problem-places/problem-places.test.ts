// @vitest-environment node
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_READING } from '../../app-designer/problem-places.js';
import { DASHBOARD_READING } from '../../dashboard-designer/model/problem-places.js';
import { ENTITY_READING } from '../../data-model/entity-document/problem-places.js';
import { DECISION_READING } from '../../decision/document/problem-places.js';
import { FLOW_READING } from '../../flow-designer/problems/problem-places.js';
import { FORM_READING } from '../../form-designer/document/problem-places.js';
import { REPORT_READING } from '../../report-designer/model/problem-places.js';
import { initTestI18n } from '../testing/i18n.js';
import { problemPlace, type DocumentReading, type PlaceLanguage, type Say } from './problem-places.js';

beforeAll(() => initTestI18n('en'));

/** The place in the language asked for, from the designer's real messages. */
function place(reading: DocumentReading, document: unknown, pointer: string, language: PlaceLanguage = 'en'): string | undefined {
  const t = i18next.getFixedT(language);
  const say: Say = (key, options) => t(key, options);
  return problemPlace(pointer, document, reading, say, language);
}

const flow = {
  nodes: [
    { id: 'start', type: 'start', name: { en: 'Start', 'zh-CN': '开始' } },
    { id: 'routing', type: 'branch', name: { en: 'Amount routing', 'zh-CN': '金额分流' } },
    { id: 'notify', type: 'service', name: { en: 'Notify the RM', 'zh-CN': '' }, config: { body: '' } },
    { id: 'committee', type: 'approval', name: { en: 'Credit committee', 'zh-CN': '信贷委员会' } },
  ],
  edges: [{ id: 'e1', source: 'routing', target: 'committee' }],
  variables: [{ name: 'amount', type: 'money' }],
};

describe('a flow’s problem places', () => {
  it('names a step by its name in the reader’s language, the other standing in for an empty one; a step’s config is read through', () => {
    expect(place(FLOW_READING, flow, '/nodes/2/config/body')).toBe('Step “Notify the RM” › Body');
    expect(place(FLOW_READING, flow, '/nodes/2/config/body', 'zh-CN')).toBe('步骤“Notify the RM” › 正文');
    expect(place(FLOW_READING, flow, '/nodes/3/name/zh-CN', 'zh-CN')).toBe('步骤“信贷委员会” › 名称（中文）');
  });

  it('names a path by the steps at its two ends, a variable by its name, and counts what has no name', () => {
    expect(place(FLOW_READING, flow, '/edges/0/condition')).toBe('Path from Amount routing to Credit committee › Condition');
    expect(place(FLOW_READING, flow, '/edges/0/condition', 'zh-CN')).toBe('从金额分流到信贷委员会的路径 › 条件');
    expect(place(FLOW_READING, flow, '/variables/0/type')).toBe('Variable amount › Type');
    // A step the draft no longer has (the server read an older one): counted from 1.
    expect(place(FLOW_READING, flow, '/nodes/9/assignees/1')).toBe('Step 10 › Approvers 2');
  });

  it('has no words for the flow as a whole or a pointer outside its properties', () => {
    expect(place(FLOW_READING, flow, '')).toBeUndefined();
    expect(place(FLOW_READING, flow, '/schemaVersion')).toBeUndefined();
    expect(place(FLOW_READING, flow, '/label/en')).toBe('Name (English)');
  });
});

describe('a decision’s problem places', () => {
  const model = {
    decisions: [{ name: 'Loan risk', logic: { kind: 'decisionTable', inputs: [{ expression: 'credit score', label: 'Credit score' }], outputs: [{ name: 'risk' }], rules: [] } }],
    inputData: [{ name: 'Applicant' }],
    tests: [{ name: 'fair credit, lower band', inputs: {}, expected: {} }],
  };

  it('names decisions, inputs and tests by name, counts rules and their cells, and reads through the logic', () => {
    expect(place(DECISION_READING, model, '/decisions/0/logic/rules/3/inputEntries/1')).toBe('Decision “Loan risk” › Rule 4 › Input 2');
    expect(place(DECISION_READING, model, '/decisions/0/logic/inputs/0/typeRef', 'zh-CN')).toBe('决策“Loan risk” › 输入“Credit score” › 类型');
    expect(place(DECISION_READING, model, '/decisions/0/logic/outputs/0/outputValues')).toBe('Decision “Loan risk” › Output “risk” › Allowed values');
    expect(place(DECISION_READING, model, '/tests/0')).toBe('Test “fair credit, lower band”');
    expect(place(DECISION_READING, model, '/tests/0/inputs/amount', 'zh-CN')).toBe('测试“fair credit, lower band” › 输入 › amount');
    expect(place(DECISION_READING, model, '/inputData/0/name')).toBe('Input data “Applicant” › Name');
  });
});

describe('a report’s problem places', () => {
  const report = {
    joins: [{ alias: 'c', kind: 'manyToOne', field: 'customer' }],
    dimensions: [{ key: 'month', field: 'submitted_at' }, { key: 'branch', field: 'branch', label: { en: 'Branch', 'zh-CN': '网点' } }],
    measures: [{ key: 'count', agg: 'count', label: 'Count' }],
    drillDown: { levels: [{ field: 'branch' }] },
  };

  it('names dimensions and measures by their labels (else their keys), joins by their alias', () => {
    expect(place(REPORT_READING, report, '/dimensions/1/label/zh-CN')).toBe('Dimension “Branch” › Name (Chinese)');
    expect(place(REPORT_READING, report, '/dimensions/1/field', 'zh-CN')).toBe('维度“网点” › 字段');
    expect(place(REPORT_READING, report, '/dimensions/0')).toBe('Dimension “month”');
    expect(place(REPORT_READING, report, '/measures/0/label')).toBe('Measure “Count” › Name');
    expect(place(REPORT_READING, report, '/joins/0/field')).toBe('Join “c” › Field');
  });

  it('says the report’s own parts, a drill-down level counted, a parameter by its key', () => {
    expect(place(REPORT_READING, report, '/source')).toBe('Base entity');
    expect(place(REPORT_READING, report, '/chart/type', 'zh-CN')).toBe('图表');
    expect(place(REPORT_READING, report, '/drillDown/levels/0/field')).toBe('Drill-down › Drill-down level 1 › Field');
    expect(place(REPORT_READING, report, '/parameters/region')).toBe('Parameters › region');
    expect(place(REPORT_READING, report, '/title')).toBe('Title');
  });
});

describe('a form’s, a dashboard’s, an entity’s and an app’s problem places', () => {
  it('says a form’s elements as what they are, by title, label or field', () => {
    const form = {
      layout: [
        { id: 's', type: 'section', title: { en: 'Details', 'zh-CN': '详细信息' }, children: [{ id: 'f', type: 'field', field: 'employer' }, { id: 'g', type: 'field', field: 'name', label: { en: 'Full name', 'zh-CN': '姓名' } }] },
        { id: 'c', type: 'columns', columns: [{ id: 'c1', children: [] }] },
      ],
    };
    expect(place(FORM_READING, form, '/layout/0/children/0/requiredWhen')).toBe('Section “Details” › Field “employer” › Required when');
    expect(place(FORM_READING, form, '/layout/0/children/1/label/zh-CN', 'zh-CN')).toBe('分区“详细信息” › 字段“姓名” › 名称（中文）');
    expect(place(FORM_READING, form, '/layout/1/columns/0/children/3')).toBe('Element 2 › Column 1 › Element 4');
    expect(place(FORM_READING, form, '/validations/1/message/en')).toBe('Validation 2 › Message (English)');
  });

  it('names a dashboard’s widgets by title (else their report) and its filters by label (else key)', () => {
    const dashboard = { widgets: [{ id: 'w1', report: 'loan_pipeline' }, { id: 'w2', report: 'approvals', title: { en: 'Approvals by branch', 'zh-CN': '各网点审批' } }], filters: [{ key: 'period', type: 'period', fields: [] }] };
    expect(place(DASHBOARD_READING, dashboard, '/widgets/1/report')).toBe('Widget “Approvals by branch” › Report');
    expect(place(DASHBOARD_READING, dashboard, '/widgets/0/filterFields/period', 'zh-CN')).toBe('组件“loan_pipeline” › 筛选字段 › period');
    expect(place(DASHBOARD_READING, dashboard, '/filters/0/fields/1')).toBe('Filter “period” › Fields 2');
  });

  it('names an entity’s fields and their options by label (else key or value)', () => {
    const entity = { fields: [{ key: 'name', label: { en: 'Name', 'zh-CN': '姓名' } }, { key: 'occupation', label: { en: 'Occupation', 'zh-CN': '职业' }, options: [{ value: 'employed', label: { en: 'Employed', 'zh-CN': '在职' } }, { value: 'retired', label: { en: '', 'zh-CN': '' } }] }] };
    expect(place(ENTITY_READING, entity, '/fields/1/options/0/label/zh-CN', 'zh-CN')).toBe('字段“职业” › 选项“在职” › 名称（中文）');
    expect(place(ENTITY_READING, entity, '/fields/1/options/1/label/en')).toBe('Field “Occupation” › Option “retired” › Name (English)');
    expect(place(ENTITY_READING, entity, '/fields/0/maxLength')).toBe('Field “Name” › Longest');
    expect(place(ENTITY_READING, entity, '/fields/0/reference/entity')).toBe('Field “Name” › Reference › Entity');
    expect(place(ENTITY_READING, entity, '/pluralLabel/zh-CN', 'zh-CN')).toBe('复数名称（中文）');
  });

  it('names an app’s contents by key, its landing pages by role and its record pages by entity', () => {
    const app = { artifacts: [{ kind: 'entity', key: 'customer' }], landing: [{ role: 'rm', menu: ['customer'] }], recordPages: [{ entity: 'customer' }] };
    expect(place(APP_READING, app, '/artifacts/0/key')).toBe('Content “customer” › Key');
    expect(place(APP_READING, app, '/landing/0/menu/1', 'zh-CN')).toBe('“rm”的首页 › 菜单 2');
    expect(place(APP_READING, app, '/recordPages/0/tags')).toBe('Record page of “customer” › Tags');
  });
});
