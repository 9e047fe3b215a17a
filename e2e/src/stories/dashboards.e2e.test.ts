import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, signInAt, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

type Run = { rows: Record<string, unknown>[]; presentation?: Record<string, { labels?: Record<string, { en: string; 'zh-CN': string }> }> };

const REPORT = 'loan_approvals_by_branch';
const DASHBOARD = 'branch_approvals';

/**
 * Issue 22, reports and dashboards: 黄磊, the bank's analyst, builds "Loan approvals by branch this
 * quarter" in the report designer (the customer's branch, then the RM, then the customer; approved
 * applications counted; a bar chart previewed from the server), puts it on a new dashboard with a
 * shared period filter and a branch filter, a click on a customer opening the customer, and
 * publishes it for branch managers. 陈静, the manager of Shanghai SH001, finds it in her runtime,
 * sees only her branch's figures, drills into one of her RMs and then opens a customer; in Chinese,
 * and once on a phone.
 */
describe('an analyst builds a dashboard that a branch manager works', () => {
  let server: RunningServer;
  let browser: Browser;
  let chen: Api;
  const pageErrors: string[][] = [];

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    chen = await apiAsOn(server.url, 'chen_jing', DEMO_PASSWORD);
    // The bank lets its analyst read the loan book and its branches for reporting (the example's
    // analyst reads customers only): the administrator adds it to the role.
    const admin = await apiAsOn(server.url, 'admin', ADMIN_PASSWORD);
    const roles = (await admin('GET', '/api/auth/roles')).body as unknown as { key: string; entities?: Record<string, unknown> }[];
    const analyst = roles.find((r) => r.key === 'business_analyst')!;
    const granted = await admin('PUT', '/api/auth/roles/business_analyst', { ...analyst, entities: { ...analyst.entities, loan_application: { read: 'all' }, branch: { read: 'all' } } });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = async (viewport = { width: 1440, height: 1000 }): Promise<Page> => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors.push(watchForPageErrors(page));
    return page;
  };
  /** The chart's data table (the keyboard's way to its bars), opened: its values are the buttons a click on a bar is. */
  const dataOf = async (widget: Locator): Promise<Locator> => {
    const details = widget.locator('details.report-chart-data');
    await details.waitFor();
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    return details;
  };
  const language = (page: Page, name: 'English' | '中文') =>
    page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();

  it('黄磊 builds loan approvals by branch this quarter, drilled to RM and customer, previews it as a bar chart and publishes it', async () => {
    const page = await newPage();
    await signInAt(page, `${server.url}/designer/report/${REPORT}`, 'huang_lei', DEMO_PASSWORD);
    // A report at an address with no draft asks for its base entity first.
    await page.getByRole('combobox', { name: 'Base entity' }).selectOption('loan_application');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Loan approvals by branch this quarter');

    const data = page.getByRole('region', { name: 'Data' });
    await data.getByRole('combobox', { name: 'Relation to join' }).selectOption('manyToOne::customer');
    await data.getByRole('button', { name: 'Add join' }).click();

    const dimensions = page.getByRole('region', { name: 'Dimensions' });
    for (const field of ['customer.branch', 'owner_id', 'customer']) {
      await dimensions.getByRole('combobox', { name: 'Field to group by' }).selectOption(field);
      await dimensions.getByRole('button', { name: 'Add dimension' }).click();
    }
    // Each column is named in English and in Chinese: branch managers read the dashboard in either.
    await dimensions.getByRole('textbox', { name: 'Name of dimension 1 in English' }).fill('Branch');
    await dimensions.getByRole('textbox', { name: 'Name of dimension 1 in Chinese' }).fill('网点');
    await dimensions.getByRole('textbox', { name: 'Name of dimension 2 in English' }).fill('Relationship manager');
    await dimensions.getByRole('textbox', { name: 'Name of dimension 2 in Chinese' }).fill('客户经理');

    const measures = page.getByRole('region', { name: 'Measures' });
    await measures.getByRole('textbox', { name: 'Name of measure 1 in English' }).fill('Approved');
    await measures.getByRole('textbox', { name: 'Name of measure 1 in Chinese' }).fill('批准数');
    await measures.getByRole('button', { name: 'Count only some rows for measure 1' }).click();
    const counted = measures.getByRole('group', { name: 'Rows measure 1 counts' });
    await counted.getByRole('combobox', { name: 'Field of condition 1' }).selectOption('status');
    await counted.getByRole('combobox', { name: 'Value of condition 1' }).selectOption('approved');

    const filter = page.getByRole('region', { name: 'Filter' });
    await filter.getByRole('button', { name: 'Add condition' }).click();
    await filter.getByRole('combobox', { name: 'Field of condition 1' }).selectOption('submitted_at');
    await filter.getByRole('combobox', { name: 'Comparison of condition 1' }).selectOption('within');
    await filter.getByRole('combobox', { name: 'Value of condition 1' }).selectOption('thisQuarter');

    // Branch, then RM, then customer: the path a branch manager goes down by clicking.
    const drill = page.getByRole('region', { name: 'Drill-down' });
    await drill.getByRole('button', { name: 'Add drill-down path' }).click();
    await drill.getByLabel('Next level groups by').selectOption({ index: 2 });
    await drill.getByRole('button', { name: 'Add level' }).click();

    await page.getByRole('region', { name: 'Chart' }).getByRole('combobox', { name: 'Chart type' }).selectOption('bar');
    // The preview runs on the server as the draft stands once the editing pauses: a bar chart.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.locator('canvas').first().waitFor();
    await screenshot(page, '100-report-designer-approvals-en');

    const bar = page.getByRole('toolbar', { name: 'Draft actions' });
    await bar.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Draft saved').first().waitFor();
    await bar.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();
    await language(page, '中文');
    await page.getByRole('heading', { name: /^报表：/ }).waitFor();
    await page.getByRole('region', { name: '预览' }).locator('canvas').first().waitFor();
    await screenshot(page, '101-report-designer-approvals-zh');
    await page.context().close();
  });

  it('黄磊 puts it on a new dashboard with a shared period and a branch filter, a customer opening the customer, for branch managers', async () => {
    const page = await newPage();
    await signInAt(page, `${server.url}/designer/`, 'huang_lei', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'New dashboard' }).click();
    const created = page.getByRole('dialog', { name: 'New dashboard' });
    await created.getByRole('textbox', { name: 'Key' }).fill(DASHBOARD);
    await created.getByRole('textbox', { name: 'Title' }).fill('Branch approvals');
    await created.getByRole('textbox', { name: 'Name in Chinese' }).fill('网点审批');
    await created.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard: Branch approvals' }).waitFor();

    await page.getByRole('button', { name: 'Add widget…' }).click();
    const picker = page.getByRole('dialog', { name: 'Add a widget' });
    await picker.getByRole('searchbox', { name: 'Find a report' }).fill('approvals');
    await picker.getByRole('button', { name: 'Loan approvals by branch this quarter' }).click();
    const widget = page.getByRole('complementary', { name: 'Widget: Loan approvals by branch this quarter' });
    // Past the report's levels (branch, RM, customer), a click on a customer opens the customer's page.
    await widget.getByRole('combobox', { name: 'A click past the report’s own levels opens' }).selectOption('record');
    await widget.getByRole('combobox', { name: 'The clicked value is the id of a record of' }).selectOption('customer');

    for (const [type, field] of [['period', 'submitted_at'], ['values', 'customer.branch']] as const) {
      await page.getByRole('button', { name: 'Add filter…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a shared filter' });
      await dialog.getByRole('combobox', { name: 'Type' }).selectOption(type);
      await dialog.getByRole('combobox', { name: 'Field' }).selectOption(field);
      await dialog.getByRole('button', { name: 'Add filter' }).click();
    }

    await page.getByRole('button', { name: 'Dashboard properties' }).click();
    const settings = page.getByRole('complementary', { name: 'Dashboard' });
    await settings.getByRole('checkbox', { name: /^Branch manager/ }).check();
    await screenshot(page, '102-dashboard-designer-en');

    const bar = page.getByRole('toolbar', { name: 'Draft actions' });
    await bar.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Draft saved').first().waitFor();
    await bar.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: /Published version 1/ }).waitFor();
    await language(page, '中文');
    await page.getByRole('heading', { level: 1, name: '仪表板：网点审批' }).waitFor();
    await screenshot(page, '103-dashboard-designer-zh');
    await page.context().close();
  });

  it('陈静 sees only her branch, drills into one of her RMs, then opens a customer', async () => {
    // What her scope answers through the API: one branch (SH001), its RMs, their customers.
    const view = (await chen('GET', `/api/dashboards/${DASHBOARD}`)).body as { widgets: { id: string }[] };
    expect(view.widgets).toHaveLength(1);
    const widgetId = view.widgets[0]!.id;
    const run = async (drill?: Record<string, unknown>[]) =>
      (await chen('POST', `/api/dashboards/${DASHBOARD}/widgets/${widgetId}/run`, drill ? { drill } : {})).body as unknown as Run;
    const branches = await run();
    expect(branches.rows.length, 'approvals this quarter in her branch').toBe(1);
    const [branchKey, branchId] = Object.entries(branches.rows[0]!).find(([, v]) => typeof v === 'string')!;
    const branchName = branches.presentation?.[branchKey]?.labels?.[branchId as string]?.en;
    expect(branchName).toMatch(/Shanghai|上海/);
    const rms = await run([{ [branchKey]: branchId }]);
    expect(rms.rows.length).toBeGreaterThan(0);
    const [rmKey, rmId] = Object.entries(rms.rows[0]!).find(([, v]) => typeof v === 'string')!;
    const rmName = rms.presentation?.[rmKey]?.labels?.[rmId as string]?.en;
    expect(['王芳', '李强']).toContain(rmName);

    const page = await newPage();
    await signInAt(page, `${server.url}/`, 'chen_jing', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Branch approvals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Branch approvals' }).waitFor();
    const widget = page.getByRole('article', { name: 'Loan approvals by branch this quarter' });
    await widget.locator('canvas').first().waitFor();
    // Her branch alone: the chart's data table (the keyboard's way to the bars) lists one branch.
    const branch = (await dataOf(widget)).getByRole('button', { name: branchName! });
    await branch.waitFor();
    expect(await (await dataOf(widget)).getByRole('row').count(), 'a header and her one branch').toBe(2);
    await screenshot(page, '104-dashboard-branch-manager-en');

    await branch.click();
    const rm = (await dataOf(widget)).getByRole('button', { name: rmName! });
    await rm.waitFor();
    await widget.getByRole('navigation', { name: /^Drill-down of/ }).getByText(branchName!).waitFor();
    await screenshot(page, '105-dashboard-drilled-to-rms-en');

    await language(page, '中文');
    await page.getByRole('heading', { level: 1, name: '网点审批' }).waitFor();
    await (await dataOf(widget)).getByRole('button', { name: rmName! }).click();
    // Her RM's customers: a click on one opens the customer's 360° page.
    const customers = await run([{ [branchKey]: branchId }, { [rmKey]: rmId }]);
    expect(customers.rows.length).toBeGreaterThan(0);
    const [customerKey, customerId] = Object.entries(customers.rows[0]!).find(([, v]) => typeof v === 'string')!;
    const customerName = customers.presentation?.[customerKey]?.labels?.[customerId as string]?.['zh-CN'];
    expect(customerName).toBeTruthy();
    const customer = (await dataOf(widget)).getByRole('button', { name: customerName! });
    await customer.waitFor();
    await screenshot(page, '106-dashboard-drilled-to-customers-zh');
    await customer.click();
    await page.waitForURL(new RegExp(`/customer/${customerId as string}$`));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: customerName! }).waitFor();
    await screenshot(page, '107-dashboard-customer-opened-zh');
    await page.context().close();
  });

  it('陈静 opens the dashboard on a phone: one widget a row, the figures the same', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signInAt(page, `${server.url}/dashboards/${DASHBOARD}`, 'chen_jing', DEMO_PASSWORD);
    const widget = page.getByRole('article', { name: 'Loan approvals by branch this quarter' });
    await widget.locator('canvas').first().waitFor();
    const box = await widget.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, '108-dashboard-phone-en');
    await page.context().close();
    expect(pageErrors.flat()).toEqual([]);
  });
});
