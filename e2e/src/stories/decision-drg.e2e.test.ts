import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

interface CustomerRecord {
  id: string;
  customer_no: string;
  segment: string;
  risk_level: string | null;
  aum: unknown;
}

interface BoxedText {
  name?: string;
  value: { kind: string; text?: string };
}

/** The knowledge model's body, simplified: a level not on the scale has no index, and the first of none is null. */
const RANK_BODY = 'index of(["R1", "R2", "R3", "R4", "R5"], level)[1]';
const RESULT = 'if product = null or customer = null then null else product - customer';

/**
 * Issue 19's decision designer gaps, as the bank's analyst lives them on the example bank CRM and
 * its demo desk: 黄磊 (huang_lei, business analyst) opens product_suitability, a model of three
 * decisions, four input data and a knowledge model, and sees its requirements diagram (a requirement
 * removed and drawn again by mouse). He simplifies
 * the knowledge model's body (a literal expression, in the FEEL editor that flags a mistyped name and
 * offers the names in scope on Ctrl+Space), renames a context entry (the result entry says at once
 * that it reads a name that is gone) and fixes the result; in the Tests tab he fills the inputs from a
 * real customer (the AUM masked for him is not used), gives the product's level and evaluates; he
 * tries the table's context menu by mouse and by keyboard; and publishes version 2 (the stored suite
 * passes), which a relationship manager's evaluation then answers.
 */
describe('an analyst edits a decision model of several decisions in its requirements diagram', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let analystApi: Api;
  let rmApi: Api;
  /** A retail customer with a risk assessment, as the analyst's roles show it (AUM masked). */
  let customer: CustomerRecord;

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);
  const language = (name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  const diagram = (): Locator => page.getByRole('region', { name: /^(Requirements diagram of Product suitability|Product suitability 的需求图)$/ });
  const node = (name: string | RegExp): Locator => diagram().getByRole('button', { name });
  /** Types into a FEEL editor once Monaco has replaced its plain text box (as an analyst sees it load): everything it holds is replaced. */
  async function retype(editor: Locator, text: string): Promise<void> {
    await expect.poll(() => editor.evaluate((e) => e.tagName)).not.toBe('TEXTAREA');
    // Monaco draws its lines over its input: the keyboard's way in is the focus.
    await editor.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text);
  }

  /** Where an element is once it stops moving (a new layout is framed with a short animation). */
  async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    let last = '';
    for (let i = 0; i < 50; i++) {
      const box = (await locator.boundingBox())!;
      const now = JSON.stringify(box);
      if (now === last) return box;
      last = now;
      await page.waitForTimeout(200);
    }
    throw new Error('the diagram did not settle');
  }

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    expect((await (await apiAs('admin', ADMIN_PASSWORD))('GET', '/api/auth/me')).status).toBe(200);
    analystApi = await apiAs('huang_lei', DEMO_PASSWORD);
    rmApi = await apiAs('wang_fang', DEMO_PASSWORD);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens product_suitability and sees its requirements diagram: decisions, input data, the knowledge model and the requirements between them', async () => {
    await page.goto(`${server.url}/designer/decision/product_suitability`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('huang_lei');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/designer\/decision\/product_suitability$/);
    await page.getByRole('heading', { level: 1, name: 'Decision: Product suitability' }).waitFor();

    await diagram().waitFor();
    await node('Decision: Levels above tolerance, requires ProductRiskLevel, CustomerRiskTolerance, Risk level rank').waitFor();
    for (const name of ['Decision: Suitability, requires', 'Decision: Product suitability, requires Suitability', 'Business knowledge model: Risk level rank', 'Input data: AUM']) {
      expect(await node(new RegExp(`^${name}`)).count(), name).toBe(1);
    }
    expect(await diagram().locator('.drg-node--inputData').count()).toBe(4);
    expect(await diagram().locator('.drg-node--businessKnowledgeModel polygon').count()).toBe(1);
    await diagram().getByRole('button', { name: 'Knowledge requirement: Levels above tolerance requires Risk level rank' }).waitFor();
    expect(await diagram().getByRole('button', { name: /^Information requirement: / }).count()).toBe(7);
    // Laid out upwards: the input data below the decisions that read them, the top decision highest.
    const top = async (name: string | RegExp) => (await node(name).boundingBox())!.y;
    await expect.poll(async () => (await top('Input data: AUM')) > (await top(/^Decision: Suitability,/))).toBe(true);
    expect(await top(/^Decision: Product suitability,/)).toBeLessThan(await top(/^Decision: Suitability,/));
    // The table's decision is edited first, under the diagram.
    await page.getByRole('grid', { name: 'Rules of Suitability' }).waitFor();
    await screenshot(page, '50-decision-drg-en');

    await language('中文');
    await page.getByRole('region', { name: 'Product suitability 的需求图' }).getByRole('button', { name: '业务知识模型：Risk level rank' }).waitFor();
    await screenshot(page, '50-decision-drg-zh-CN');
    await language('English');

    // By mouse: the requirement of the answer on the table is selected and removed, then drawn again
    // from the dot on top of the table's shape to the answer's.
    const answerOnTable = diagram().getByRole('button', { name: 'Information requirement: Product suitability requires Suitability' });
    const from = (await node(/^Decision: Suitability,/).locator('.react-flow__handle.source').boundingBox())!;
    const to = (await node(/^Decision: Product suitability/).locator('.react-flow__handle.target').boundingBox())!;
    // The arrow runs straight up between the two dots: a click halfway selects it.
    await page.mouse.click(from.x + from.width / 2, (from.y + to.y + to.height) / 2);
    await page.getByRole('button', { name: 'Remove requirement' }).click();
    await expect.poll(() => answerOnTable.count()).toBe(0);
    await page.getByRole('status').filter({ hasText: '“Product suitability” no longer requires “Suitability”.' }).waitFor();
    // The diagram is laid out and framed again without the arrow: the dots are where they settle.
    const source = await settledBox(node(/^Decision: Suitability,/).locator('.react-flow__handle.source'));
    const target = await settledBox(node(/^Decision: Product suitability/).locator('.react-flow__handle.target'));
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await page.mouse.up();
    // A straight arrow has no width for the browser to call it visible: it is counted.
    await expect.poll(() => answerOnTable.count()).toBe(1);
    await page.getByRole('status').filter({ hasText: '“Product suitability” now requires “Suitability”.' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('edits the knowledge model’s literal expression and a context entry, each checked as he types', async () => {
    // The knowledge model: a click on its shape opens it below the diagram.
    await node('Business knowledge model: Risk level rank').click();
    await page.waitForURL(/\?bkm=Risk\+level\+rank$/);
    await page.getByRole('region', { name: 'Properties of Business knowledge model “Risk level rank”' }).waitFor();
    expect(await page.getByText('A decision invokes the knowledge model with these arguments, in this order: Risk level rank(level)').count()).toBe(1);
    const body = page.getByRole('textbox', { name: 'Expression of Risk level rank (FEEL)' });
    // A level not on the scale has no index, and the first of none is null: the guard goes. A slip is flagged at once.
    await retype(body, 'index of(["R1", "R2", "R3", "R4", "R5"], levl)[1]');
    const problems = page.locator('.feel-editor__problem');
    await problems.filter({ hasText: '“levl” is nothing this expression can read' }).waitFor();
    // Ctrl+Space offers the names the body may read: its parameter.
    await retype(body, 'index of(["R1", "R2", "R3", "R4", "R5"], ');
    await page.keyboard.press('Control+Space');
    await page.locator('.monaco-editor .suggest-widget').getByText('level', { exact: true }).waitFor();
    await screenshot(page, '51-decision-literal-expression-en');
    await page.keyboard.press('Enter');
    await page.keyboard.type(')[1]');
    await expect.poll(() => problems.count()).toBe(0);

    // The context deciding how far the product is above the tolerance: its second entry is renamed.
    await node(/^Decision: Levels above tolerance/).click();
    const entries = page.getByRole('region', { name: 'Entries of Levels above tolerance' });
    await entries.waitFor();
    const name = entries.getByRole('textbox', { name: 'Name of entry 2' });
    await name.fill('product');
    await entries.getByText('Another entry here has this name.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('customer');
    await name.press('Enter');
    // The result still reads the old name: its entry says so at once.
    const resultProblem = entries.locator('.dg-context__entry--result .feel-editor__problem');
    await resultProblem.filter({ hasText: '“tolerance” is nothing this expression can read' }).waitFor();
    await screenshot(page, '51-decision-context-entry-en');
    await language('中文');
    await page.locator('.dg-context__entry--result .feel-editor__problem').filter({ hasText: '“tolerance”不是此表达式可读取的名称' }).waitFor();
    await screenshot(page, '51-decision-context-entry-zh-CN');
    await language('English');
    await retype(entries.getByRole('textbox', { name: 'Value of the result' }), RESULT);
    await expect.poll(() => resultProblem.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('fills a test from a customer record (the AUM masked for him is not used), gives the product level and evaluates', async () => {
    // A retail customer with a risk assessment, as his roles show them: the AUM masked.
    const customers = await analystApi('POST', '/api/records/customer/query', { limit: 200 });
    expect(customers.status, JSON.stringify(customers.body)).toBe(200);
    customer = (customers.body.items as CustomerRecord[]).find((c) => c.risk_level !== null && ['mass', 'affluent', 'private'].includes(c.segment))!;
    expect(customer.aum).toMatchObject({ amount: '***' });

    await page.getByRole('tab', { name: 'Tests' }).click();
    await page.getByRole('button', { name: 'Fill from a record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fill the inputs from a record' });
    // Of the bank's entities his roles let him read customers only: the one offered.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Records of' }).locator('option').allInnerTexts()).toEqual(['Customer (3 inputs named like fields)']);
    await dialog.getByRole('searchbox', { name: 'Search' }).fill(customer.customer_no);
    await dialog.getByRole('button', { name: 'Search', exact: true }).click();
    // The search's answer: that one customer (the first page may have shown it already).
    await expect.poll(() => dialog.getByRole('listitem').count()).toBe(1);
    await dialog.getByRole('button', { name: `Fill from ${customer.customer_no}` }).waitFor();
    await screenshot(page, '52-decision-fill-from-record-dialog-en');
    await dialog.getByRole('button', { name: `Fill from ${customer.customer_no}` }).click();

    const report = page.getByRole('region', { name: `Filled from Customer ${customer.customer_no}` });
    await report.waitFor();
    expect(await report.getByRole('listitem').allInnerTexts()).toEqual([
      `CustomerSegment ← Segment: ${customer.segment}`,
      `CustomerRiskTolerance ← Risk tolerance: ${customer.risk_level}`,
      'ProductRiskLevel: no field of Customer is named like it',
      'AUM: not used: Assets under management is masked for you',
    ]);
    expect(await report.getByRole('status').innerText()).toBe('2 of 4 inputs filled. Give the others, then evaluate.');
    expect(await page.getByLabel('CustomerSegment', { exact: true }).inputValue()).toBe(customer.segment);
    expect(await page.getByLabel('AUM', { exact: true }).inputValue()).toBe('');

    // An R1 product is within every tolerance, whatever the AUM: suitable for a retail customer.
    await page.getByLabel('ProductRiskLevel', { exact: true }).selectOption('R1');
    await page.getByRole('button', { name: 'Evaluate the draft' }).click();
    const outputs = page.getByRole('table', { name: 'Outputs' });
    await outputs.waitFor();
    const row = (output: string) => outputs.getByRole('row').filter({ has: page.getByRole('rowheader', { name: output, exact: true }) }).getByRole('cell').innerText();
    expect([await row('suitable'), await row('reasonCode')]).toEqual(['true', '"suitable"']);
    await screenshot(page, '52-decision-fill-from-record-en');

    await language('中文');
    await page.getByRole('region', { name: `已从客户 ${customer.customer_no} 填入` }).getByText('AUM：未使用，管理资产(AUM) 对您是掩码显示').waitFor();
    await screenshot(page, '52-decision-fill-from-record-zh-CN');
    await language('English');
    expect(pageErrors).toEqual([]);
  });

  it('uses the table’s context menu by mouse and by keyboard', async () => {
    await node(/^Decision: Suitability,/).click();
    const grid = page.getByRole('grid', { name: /^(Rules of Suitability|Suitability 的规则)$/ });
    await grid.waitFor();
    const cell = (rule: number, column: number) => grid.locator(`[role="row"][aria-rowindex="${rule + 1}"]`).getByRole('gridcell').nth(column);
    const ruleCount = () => grid.getAttribute('aria-rowcount');
    expect(await ruleCount()).toBe('10');

    await cell(3, 2).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions on rule 3' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem', { name: /^Move rule up/ }).getAttribute('aria-disabled')).toBeNull();
    await screenshot(page, '53-decision-grid-menu-en');
    await menu.getByRole('menuitem', { name: /^Add rule below/ }).click();
    await expect.poll(ruleCount).toBe('11');
    expect(await cell(4, 2).getAttribute('aria-selected')).toBe('true');
    expect(await cell(4, 2).evaluate((c) => c === document.activeElement)).toBe(true);

    // By keyboard: Shift+F10 on the new rule opens its menu (in Chinese too); Delete rule is its sixth command.
    await language('中文');
    await cell(4, 0).click();
    await page.keyboard.press('Shift+F10');
    const menuZh = page.getByRole('menu', { name: '规则 4 的操作' });
    await menuZh.waitFor();
    await screenshot(page, '53-decision-grid-menu-zh-CN');
    await page.keyboard.press('Escape');
    await language('English');
    await cell(4, 0).click();
    await page.keyboard.press('Shift+F10');
    const deleteItem = page.getByRole('menu', { name: 'Actions on rule 4' }).getByRole('menuitem', { name: /^Delete rule/ });
    await deleteItem.waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    expect(await deleteItem.evaluate((item) => item === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(ruleCount).toBe('10');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await cell(4, 0).evaluate((c) => c === document.activeElement)).toBe(true);
    await page.getByRole('region', { name: 'Gaps and overlaps' }).getByText('No gaps, overlaps or unreachable rules found.').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('publishes version 2 (the stored suite passes), and a relationship manager’s evaluation answers by it', async () => {
    const bar = page.getByRole('toolbar', { name: 'Draft actions' });
    await bar.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 2' }).waitFor();
    await node('Business knowledge model: Risk level rank').scrollIntoViewIfNeeded();
    await screenshot(page, '54-decision-drg-published-en');

    const published = await analystApi('GET', '/api/artifacts/decision/product_suitability');
    expect(published.body.latestVersion).toBe(2);
    const document = published.body.document as { businessKnowledgeModels: { body: { text: string } }[]; decisions: { name: string; logic: { entries?: BoxedText[] } }[] };
    expect(document.businessKnowledgeModels[0]!.body.text).toBe(RANK_BODY);
    const levels = document.decisions.find((d) => d.name === 'Levels above tolerance')!.logic.entries!;
    expect(levels.map((e) => [e.name ?? '(result)', e.value.text])).toEqual([
      ['product', 'Risk level rank(ProductRiskLevel)'],
      ['customer', 'Risk level rank(CustomerRiskTolerance)'],
      ['(result)', RESULT],
    ]);

    // The relationship manager checks two products for a cautious mass customer: within the tolerance, and one level above it.
    const check = (product: string) => rmApi('POST', '/api/decisions/product_suitability/evaluate', { inputs: { CustomerSegment: 'mass', CustomerRiskTolerance: 'R2', ProductRiskLevel: product, AUM: '10000.00' } });
    const [within, above] = [await check('R2'), await check('R3')];
    expect(within.status, JSON.stringify(within.body)).toBe(200);
    expect([within.body.outputs, above.body.outputs]).toMatchObject([{ suitable: true, reasonCode: 'suitable' }, { suitable: false, reasonCode: 'aboveRiskTolerance' }]);
    expect(pageErrors).toEqual([]);
  });
});
