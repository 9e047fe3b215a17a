import type { ReportDefinition } from '@bankforge/report-engine';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problem, renderPage, type FakeHandler, type FakeResponse, type RecordedRequest } from '@bankforge/app-shell/testing';
import { FeelEditorModeContext } from '../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../shell/testing/i18n.js';
import ReportDesigner from './ReportDesigner.js';
import { loansReport } from './testing/catalog.js';
import { reportServer } from './testing/server.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function openDesigner(draft: ReportDefinition = loansReport(), routes: Record<string, FakeHandler | FakeResponse> = {}) {
  const server = reportServer(draft, routes);
  // The FEEL editors stay plain text boxes: Monaco cannot lay out in jsdom.
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <ReportDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path: `/report/${draft.key}`, pattern: '/report/:key' },
  );
  return { server, user: userEvent.setup() };
}

const saved = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT').at(-1)!.body as ReportDefinition;
const previews = (requests: RecordedRequest[]) => requests.filter((r) => r.url === '/api/reports/preview').map((r) => r.body as { document: ReportDefinition; drill?: unknown });
/** The published entities are loaded: the check has run. */
const loaded = () => screen.findByRole('option', { name: 'Loan application (loan_application)' });
/** The preview runs once the editing pauses. */
const previewed = () => screen.findByText('2 rows.', {}, { timeout: 3000 });
const region = (name: string) => screen.getByRole('region', { name });

describe('ReportDesigner', () => {
  it('opens the draft on its base entity and previews it from the server, labels and numbers as people read them', async () => {
    const { server } = openDesigner();
    expect(await screen.findByRole('heading', { name: 'Report: Loans' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Base entity' }) as HTMLSelectElement).value).toBe('loan_application');
    await previewed();
    const table = within(region('Preview')).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Branch', 'Approved']);
    expect(within(table).getByText('Pudong')).toBeTruthy();
    expect(within(table).getByText('1,234')).toBeTruthy();
    expect(previews(server.requests)).toEqual([{ document: loansReport() }]);
    expect(screen.queryByRole('region', { name: /problems?$/ })).toBeNull();
  });

  it('builds loan approvals by branch this quarter with its controls, and saves the report the engine accepts', async () => {
    const { server, user } = openDesigner();
    await loaded();
    const data = region('Data');
    // Joins from the relations: the customer of each loan, then the customer's branch.
    await user.click(within(data).getByRole('button', { name: 'Add join' }));
    await user.selectOptions(within(data).getByRole('combobox', { name: 'Relation to join' }), 'manyToOne:customer:branch');
    await user.click(within(data).getByRole('button', { name: 'Add join' }));
    expect(within(data).getByText('branch: the Branch of each Customer (by Branch)')).toBeTruthy();

    const dimensions = region('Dimensions');
    await user.selectOptions(within(dimensions).getByRole('combobox', { name: 'Field to group by' }), 'branch.name');
    await user.click(within(dimensions).getByRole('button', { name: 'Add dimension' }));
    expect((within(dimensions).getByRole('textbox', { name: 'Name of dimension 1 in English' }) as HTMLInputElement).value).toBe('Branch · Name');
    await user.clear(within(dimensions).getByRole('textbox', { name: 'Name of dimension 1 in English' }));
    await user.type(within(dimensions).getByRole('textbox', { name: 'Name of dimension 1 in English' }), 'Branch');
    // Named in Chinese too, by default from the field's Chinese labels.
    const chinese = within(dimensions).getByRole('textbox', { name: 'Name of dimension 1 in Chinese' });
    expect((chinese as HTMLInputElement).value).toBe('网点 · 网点名称');
    await user.clear(chinese);
    await user.type(chinese, '分行');

    const measures = region('Measures');
    await user.clear(within(measures).getByRole('textbox', { name: 'Name of measure 1 in English' }));
    await user.type(within(measures).getByRole('textbox', { name: 'Name of measure 1 in English' }), 'Approved');
    // The draft's count had one name for both languages: its Chinese is still to be written.
    expect((within(measures).getByRole('textbox', { name: 'Name of measure 1 in Chinese' }) as HTMLInputElement).value).toBe('');
    await user.type(within(measures).getByRole('textbox', { name: 'Name of measure 1 in Chinese' }), '已批准');
    await user.click(within(measures).getByRole('button', { name: 'Count only some rows for measure 1' }));
    const counted = within(measures).getByRole('group', { name: 'Rows measure 1 counts' });
    await user.selectOptions(within(counted).getByRole('combobox', { name: 'Field of condition 1' }), 'status');
    await user.selectOptions(within(counted).getByRole('combobox', { name: 'Value of condition 1' }), 'approved');

    const filter = region('Filter');
    await user.click(within(filter).getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(within(filter).getByRole('combobox', { name: 'Field of condition 1' }), 'submitted_at');
    await user.selectOptions(within(filter).getByRole('combobox', { name: 'Comparison of condition 1' }), 'within');
    await user.selectOptions(within(filter).getByRole('combobox', { name: 'Value of condition 1' }), 'thisQuarter');

    await user.selectOptions(within(region('Chart')).getByRole('combobox', { name: 'Chart type' }), 'bar');
    await user.selectOptions(within(region('Chart')).getByRole('combobox', { name: 'Category axis' }), 'branch_name');

    expect(screen.queryByText(/problems? listed/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests)).toEqual({
      kind: 'report',
      key: 'loans',
      title: 'Loans',
      source: 'loan_application',
      joins: [
        { alias: 'customer', kind: 'manyToOne', field: 'customer' },
        { alias: 'branch', kind: 'manyToOne', field: 'branch', from: 'customer' },
      ],
      dimensions: [{ key: 'branch_name', field: 'branch.name', label: { en: 'Branch', 'zh-CN': '分行' } }],
      measures: [{ key: 'count', label: { en: 'Approved', 'zh-CN': '已批准' }, agg: 'count', filter: { field: 'status', op: 'eq', value: 'approved' } }],
      filter: { field: 'submitted_at', op: 'within', value: 'thisQuarter' },
      chart: { type: 'bar', x: 'branch_name' },
    });
    // The preview ran the report as it stood once the editing paused.
    await waitFor(() => expect(previews(server.requests).at(-1)!.document.chart).toEqual({ type: 'bar', x: 'branch_name' }), { timeout: 3000 });
  });

  it('shows the engine’s problems beside their controls and in one list, goes to each, and holds back publish and preview', async () => {
    const draft = loansReport({
      dimensions: [{ key: 'colour', field: 'colour' }],
      calculated: [{ key: 'longest', expression: 'max(amount, 1)' }],
    });
    const { server, user } = openDesigner(draft);
    await loaded();
    const field = screen.getByRole('combobox', { name: 'Field of dimension 1' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const description = document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    expect(description.textContent).toMatch(/colour is not a field of loan_application/);
    // A calculated field the database cannot compute names the construct.
    expect(within(region('Calculated fields')).getByText(/a function call cannot be computed by the database: "max\(amount, 1\)"/)).toBeTruthy();

    const summary = region('2 problems');
    // Each says its place in words, a part by its name (here its key: it has no label), the pointer its tooltip.
    expect(within(summary).getByRole('button', { name: /^Calculated field “longest” › Expression: / })).toBeTruthy();
    expect(within(summary).getByText('Dimension “colour” › Field').getAttribute('title')).toBe('/dimensions/0/field');
    await user.click(within(summary).getByRole('button', { name: /^Dimension “colour” › Field: / }));
    expect(document.activeElement).toBe(field);
    expect(screen.getByRole('button', { name: 'Publish' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Publish is unavailable: fix the 2 problems listed below first.')).toBeTruthy();
    expect(within(region('Preview')).getByRole('status').textContent).toBe('Fix the 2 problems listed to see the preview.');

    // Fixed as the analyst edits: the field is one the source has.
    await user.selectOptions(field, 'status');
    await user.click(within(region('Calculated fields')).getByRole('button', { name: 'Remove Calculated field 1' }));
    expect(screen.queryByRole('region', { name: /problems?$/ })).toBeNull();
    await previewed();
    expect(previews(server.requests)).toHaveLength(1);
  });

  it('says the problems in Chinese, beside the controls named in Chinese', async () => {
    await initTestI18n('zh-CN');
    try {
      openDesigner(loansReport({ dimensions: [{ key: 'colour', field: 'colour' }], filter: { field: 'status', op: 'within', value: 'thisQuarter' } }));
      await screen.findByRole('option', { name: '贷款申请（loan_application）' });
      const field = screen.getByRole('combobox', { name: '维度 1 的字段' });
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText('不是基础实体、关联或计算字段中的字段。')).toBeTruthy();
      const comparison = screen.getByRole('combobox', { name: '条件 1 的比较方式' });
      expect(comparison.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText('此比较方式不适用于该字段的类型。')).toBeTruthy();
      expect(screen.getByRole('heading', { name: '2 个问题' })).toBeTruthy();
    } finally {
      await initTestI18n('en');
    }
  });

  it('shows the server’s refusal of the preview', async () => {
    openDesigner(loansReport(), {
      'POST /api/reports/preview': problem(403, 'fieldHidden', { title: 'A field is hidden from you', detail: 'The report groups by a field your role may not read.', errors: [{ path: '/dimensions/0/field', code: 'fieldHidden', message: 'customer.resident_id is hidden' }] }),
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('The report groups by a field your role may not read.');
    expect(alert.textContent).toContain('customer.resident_id is hidden');
    // The refusal points into the report: said as the designer reads it, the pointer kept as the tooltip.
    expect(within(alert).getByText('Dimension 1 › Field').getAttribute('title')).toBe('/dimensions/0/field');
    expect(within(region('Preview')).getByRole('status').textContent).toBe('The server could not run the preview.');
  });

  it('says a refused parameter value as the parameter in Chinese, and keeps a drill-down selection’s pointer', async () => {
    await initTestI18n('zh-CN');
    try {
      openDesigner(loansReport({ parameters: [{ key: 'since', label: { en: 'Since', 'zh-CN': '起始时间' }, type: 'datetime' }] }), {
        'POST /api/reports/preview': problem(422, 'invalidReportRequest', {
          errors: [
            { path: '/parameters/since', code: 'type', message: 'since must be a date and time', messageZh: 'since 必须是日期时间' },
            { path: '/drill/0', code: 'invalidSelection', message: 'The selection does not fit the level', messageZh: '所选值与该层不符' },
          ],
        }),
      });
      const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
      expect(within(alert).getByText('参数“起始时间”').getAttribute('title')).toBe('/parameters/since');
      expect(within(alert).getByText('/drill/0').tagName).toBe('CODE');
    } finally {
      await initTestI18n('en');
    }
  });

  it('waits for a required parameter, then sends its value', async () => {
    const { server, user } = openDesigner(loansReport({ parameters: [{ key: 'since', label: 'Since', type: 'datetime', required: true }], filter: { field: 'submitted_at', op: 'gte', value: { param: 'since' } } }));
    await loaded();
    const preview = region('Preview');
    expect(within(preview).getByRole('status').textContent).toBe('Fill in Since to see the preview.');
    await user.type(within(preview).getByRole('textbox', { name: 'Value of Since' }), '2026-01-01T00:00:00Z');
    await previewed();
    expect(server.requests.filter((r) => r.url === '/api/reports/preview').at(-1)!.body).toMatchObject({ parameters: { since: '2026-01-01T00:00:00Z' } });
    // The filter's value comes from the parameter.
    expect((within(region('Filter')).getByRole('combobox', { name: 'Value of condition 1 from' }) as HTMLSelectElement).value).toBe('since');
  });

  it('adds an approval rate as the last measure over the first, and previews it for a product picked from the parameter’s options', async () => {
    const { server, user } = openDesigner(
      loansReport({
        measures: [{ key: 'count', label: 'Count', agg: 'count' }, { key: 'approved', label: 'Approved', agg: 'count', filter: { field: 'status', op: 'eq', value: 'approved' } }],
        parameters: [{ key: 'product', label: 'Product', type: 'select', options: ['mortgage', 'auto'] }],
      }),
    );
    await loaded();
    const measures = region('Measures');
    await user.selectOptions(within(measures).getByRole('combobox', { name: 'New measure' }), 'ratio');
    await user.click(within(measures).getByRole('button', { name: 'Add measure' }));
    expect((within(measures).getByRole('combobox', { name: 'Numerator of measure 3' }) as HTMLSelectElement).value).toBe('approved');
    expect((within(measures).getByRole('combobox', { name: 'Denominator of measure 3' }) as HTMLSelectElement).value).toBe('count');
    const product = within(region('Preview')).getByRole('combobox', { name: 'Value of Product' });
    expect(within(product).getAllByRole('option').map((o) => o.textContent)).toEqual(['None (the conditions on it are left out)', 'mortgage', 'auto']);
    await user.selectOptions(product, 'auto');
    await waitFor(() => expect(server.requests.filter((r) => r.url === '/api/reports/preview').at(-1)!.body).toMatchObject({ parameters: { product: 'auto' } }), { timeout: 3000 });
  });

  it('drills down a value picked in the preview and back up', async () => {
    const { server, user } = openDesigner(
      loansReport({
        dimensions: [
          { key: 'name', field: 'status' },
          { key: 'term', field: 'term_months' },
        ],
        drillDown: { levels: [{ dimensions: ['name'], label: 'Status' }, { dimensions: ['term'], label: 'Term' }] },
      }),
    );
    await previewed();
    await user.click(within(region('Preview')).getByRole('button', { name: 'Pudong' }));
    await waitFor(() => expect(previews(server.requests).at(-1)!.drill).toEqual([{ name: 'b1' }]), { timeout: 3000 });
    const path = screen.getByRole('navigation', { name: 'Drill-down' });
    expect(within(path).getByText('Status: Pudong').getAttribute('aria-current')).toBe('step');
    await user.click(within(path).getByRole('button', { name: 'All' }));
    await waitFor(() => expect(previews(server.requests).at(-1)!.drill).toBeUndefined(), { timeout: 3000 });
  });

  it('undoes and redoes an edit with the keyboard, and lists the server’s problems of a refused publish beside their controls', async () => {
    const { user } = openDesigner(loansReport(), {
      'POST /api/artifacts/report/loans/publish': problem(422, 'artifactInvalid', { errors: [{ path: '/measures/0/label', code: 'maxLength', message: 'label is too long', messageZh: '名称太长' }] }),
    });
    const label = await screen.findByRole('textbox', { name: 'Name of measure 1 in English' });
    await user.type(label, 's');
    expect((label as HTMLInputElement).value).toBe('Counts');
    await user.click(document.body);
    await user.keyboard('{Control>}z{/Control}');
    expect((screen.getByRole('textbox', { name: 'Name of measure 1 in English' }) as HTMLInputElement).value).toBe('Count');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect((screen.getByRole('textbox', { name: 'Name of measure 1 in English' }) as HTMLInputElement).value).toBe('Counts');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('1 problem to fix before saving')).toBeTruthy();
    // The summary and the publish bar say where in words, the measure by its name as it is now; the pointer is the tooltip.
    const places = screen.getAllByText('Measure “Counts” › Name');
    expect(places.map((p) => p.getAttribute('title'))).toEqual(['/measures/0/label', '/measures/0/label']);
    expect(screen.queryByText('/measures/0/label')).toBeNull();
    const field = screen.getByRole('textbox', { name: 'Name of measure 1 in English' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toBe('label is too long');
  });

  it('starts a report opened at an address with no draft by choosing its base entity', async () => {
    const { server, user } = openDesigner(loansReport(), { 'GET /api/artifacts/report/loans': problem(404, 'artifactNotFound') });
    const source = await screen.findByRole('combobox', { name: 'Base entity' });
    expect((source as HTMLSelectElement).value).toBe('');
    expect(screen.queryByRole('region', { name: 'Dimensions' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Base entity: Choose the base entity/ })).toBeTruthy();
    await loaded();
    await user.selectOptions(source, 'loan_application');
    expect(screen.queryByRole('region', { name: /problems?$/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests)).toEqual({ kind: 'report', key: 'loans', title: 'loans', source: 'loan_application', measures: [{ key: 'count', label: { en: 'Count', 'zh-CN': '数量' }, agg: 'count' }] });
  });

  it('renames the report and describes it; an empty title is said at once', async () => {
    const { server, user } = openDesigner();
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.clear(title);
    expect(screen.getByText('Give the report a title.')).toBeTruthy();
    await user.type(title, 'Loan approvals by branch');
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'For the branch managers’ Monday meeting');
    expect(screen.getByRole('heading', { name: 'Report: Loan approvals by branch' })).toBeTruthy();
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests)).toMatchObject({ title: 'Loan approvals by branch', description: 'For the branch managers’ Monday meeting' });
  });

  it('draws a key figure compared with a second measure, and drops the comparison when it is taken back', async () => {
    const { server, user } = openDesigner(
      loansReport({ dimensions: [], measures: [{ key: 'approved', agg: 'count' }, { key: 'last_quarter', agg: 'count', label: 'Last quarter' }] }),
    );
    await loaded();
    const chart = region('Chart');
    await user.selectOptions(within(chart).getByRole('combobox', { name: 'Chart type' }), 'kpi');
    await user.selectOptions(within(chart).getByRole('combobox', { name: 'Measure shown' }), 'approved');
    // The comparison offers the other measures only.
    const versus = within(chart).getByRole('combobox', { name: 'Compared with' });
    expect(within(versus).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual(['', 'last_quarter']);
    await user.selectOptions(versus, 'last_quarter');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests).chart).toEqual({ type: 'kpi', y: ['approved', 'last_quarter'] });
    await user.selectOptions(within(chart).getByRole('combobox', { name: 'Compared with' }), '');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(saved(server.requests).chart).toEqual({ type: 'kpi', y: ['approved'] }));
  });

  it('keeps a key as typed until it is a free identifier', async () => {
    const { user } = openDesigner(loansReport({ dimensions: [{ key: 'status', field: 'status' }] }));
    const key = await screen.findByRole('textbox', { name: 'Key of dimension 1' });
    await user.clear(key);
    await user.type(key, 'count{Enter}');
    expect(screen.getByText('Another one here has this key.')).toBeTruthy();
    await user.clear(key);
    await user.type(key, 'Loan Status{Enter}');
    expect(screen.getByText(/Use lower-case letters/)).toBeTruthy();
    await user.clear(key);
    await user.type(key, 'loan_status{Enter}');
    expect(screen.queryByText(/Use lower-case letters/)).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Key of dimension 1' }) as HTMLInputElement).value).toBe('loan_status');
  });

  it('groups conditions as any or none of, and reads the children of a one-to-many join in figures', async () => {
    const { server, user } = openDesigner({ kind: 'report', key: 'loans', title: 'Customers', source: 'customer', measures: [{ key: 'count', agg: 'count' }] });
    await screen.findByRole('option', { name: 'Customer (customer)' });
    const data = region('Data');
    await user.selectOptions(within(data).getByRole('combobox', { name: 'Relation to join' }), 'oneToMany::loan_application.customer');
    await user.click(within(data).getByRole('button', { name: 'Add join' }));
    const join = within(data).getByRole('group', { name: 'Join 1' });
    await user.click(within(join).getByRole('button', { name: 'Add figure to join 1' }));
    expect((within(join).getByRole('combobox', { name: 'Field of Figure 1.2' }) as HTMLSelectElement).value).toBe('amount');
    await user.selectOptions(within(region('Dimensions')).getByRole('combobox', { name: 'Field to group by' }), 'segment');
    await user.click(within(region('Dimensions')).getByRole('button', { name: 'Add dimension' }));

    const filter = region('Filter');
    await user.click(within(filter).getByRole('button', { name: 'Add condition' }));
    await user.click(within(filter).getByRole('button', { name: 'Add group of conditions' }));
    const group = within(filter).getByRole('group', { name: 'Group 2' });
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Group 2 matches' }), 'none');
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Field of condition 2.1' }), 'loan_application.sum_amount');
    await user.selectOptions(within(group).getByRole('combobox', { name: 'Comparison of condition 2.1' }), 'gte');
    await user.type(within(group).getByRole('textbox', { name: 'Value of condition 2.1' }), '1000000');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    const report = saved(server.requests);
    expect(report.joins).toEqual([{ alias: 'loan_application', kind: 'oneToMany', entity: 'loan_application', field: 'customer', aggregates: [{ key: 'count', agg: 'count' }, { key: 'sum_amount', agg: 'sum', field: 'amount' }] }]);
    expect(report.filter).toEqual({ and: [{ field: 'name', op: 'eq', value: '' }, { not: { or: [{ field: 'loan_application.sum_amount', op: 'gte', value: 1000000 }] } }] });
  });

  it('shows the version history and restores a version as the draft', async () => {
    const v1 = loansReport({ title: 'Loans v1', dimensions: [{ key: 'status', field: 'status' }] });
    const { user } = openDesigner(loansReport(), {
      'GET /api/artifacts/report/loans/versions': { body: [{ version: 1, publishedAt: '2026-03-01T10:00:00.000Z', publishedBy: 'huang_lei', publishedByName: '黄磊' }] },
      'GET /api/artifacts/report/loans?version=1': { body: { document: v1, revision: 1, latestVersion: 1 } },
    });
    await user.click(await screen.findByRole('tab', { name: 'Versions' }));
    await user.click(await screen.findByRole('button', { name: 'Restore version 1 as the draft' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore version 1' }));
    await user.click(screen.getByRole('tab', { name: 'Design' }));
    expect(screen.getByRole('heading', { name: 'Report: Loans v1' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Field of dimension 1' }) as HTMLSelectElement).value).toBe('status');
  });
});
