import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';



interface CaseDetail {
  status: string;
  outcome?: string;
  variables: Record<string, unknown>;
  waitingAt: { nodeId: string }[];
}

/** The failing case of the example's suite once fair credit below 600 earns 5 points instead of 25. */
const FAIR_EDGE_CASE = 'credit 550 (fair from here), exactly 10x: 25 + 10';
const FAIR_EDGE_CASE_RENAMED = 'credit 550 (fair, lower band from 2027), exactly 10x: 5 + 10';

/** Cells as Excel puts them on the clipboard: a cell holding a quote is quoted, its quotes doubled. */
function excelTsv(rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[\t\n\r"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `${rows.map((cells) => cells.map(cell).join('\t')).join('\r\n')}\r\n`;
}

/**
 * Issue 21's decision designer as the bank's analyst lives it, on the example bank CRM and its demo
 * desk: 黄磊 (huang_lei, business analyst) opens loan_scoring, splits the fair-credit band by keyboard
 * so that scores from 550 to 599 earn 5 points instead of 25, and pastes the risk desk's finer
 * recommendation bands from a spreadsheet. The overlap they hide at a score of 70 is flagged on both
 * rows; he fixes the band and the markers go. He saves; Publish is refused because a stored test
 * case now scores 15 where it expected 35; he accepts the new score in the Tests panel, renames the
 * case, and publishes version 2. A relationship manager's loan case at a credit score of 580 and four
 * times the income, which waited for a credit officer under version 1, is now rejected by the flow.
 */
describe('an analyst changes the loan scoring in the decision designer, and the loan flow follows it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let rmApi: Api;
  let analystApi: Api;
  /** The loan whose case started under version 1. */
  let firstLoan: string;

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);

  /** A loan of the RM's first customer: 4x an annual income of 100,000 at a bureau score of 580. */
  async function newLoan(): Promise<string> {
    const customers = await rmApi('POST', '/api/records/customer/query', { limit: 1 });
    const customer = (customers.body.items as { id: string }[])[0]!.id;
    const loan = await rmApi('POST', '/api/records/loan_application', {
      customer,
      product: 'consumer',
      amount: { amount: '400000.00', currency: 'CNY' },
      term_months: 36,
      credit_score: 580,
      annual_income: { amount: '100000.00', currency: 'CNY' },
      purpose: 'Renovation of the family home',
    });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);
    return loan.body.id as string;
  }

  async function startCase(loanId: string): Promise<CaseDetail> {
    const started = await rmApi('POST', '/api/flows/loan_approval/instances', { recordId: loanId });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return started.body as unknown as CaseDetail;
  }

  const grid = (decision: string): Locator => page.getByRole('grid', { name: `Rules of ${decision}` });
  /** A rule's row (1-based, as the grid numbers rules; the header is row 1). */
  const ruleRow = (table: Locator, rule: number): Locator => table.locator(`[role="row"][aria-rowindex="${rule + 1}"]`);
  const cell = (table: Locator, rule: number, column: number): Locator => ruleRow(table, rule).getByRole('gridcell').nth(column);
  /** Every rule's cell texts, top to bottom. */
  const rules = (table: Locator): Promise<string[][]> =>
    table.locator('[role="row"]:not([aria-rowindex="1"])').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('[role="gridcell"]'), (c) => c.textContent ?? '')));
  /** What the analysis says on a rule's row (its markers' words, for screen readers beside the "!"). */
  const markers = (table: Locator, rule: number): Promise<string> =>
    ruleRow(table, rule).getByRole('rowheader').locator('.dg-marker .visually-hidden').allTextContents().then((texts) => texts.join(' | '));
  const language = (name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    expect((await (await apiAs('admin', ADMIN_PASSWORD))('GET', '/api/auth/me')).status).toBe(200);
    rmApi = await apiAs('wang_fang', DEMO_PASSWORD);
    analystApi = await apiAs('huang_lei', DEMO_PASSWORD);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    // The grid takes a spreadsheet's block from the real clipboard, as Ctrl+V in the browser gives it.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('splits the fair-credit band by keyboard, pastes finer recommendation bands, and fixes the overlap the analysis flags on the rows', async () => {
    // Under version 1 a 580 bureau score earns 25 points, 4x the income 25 more: 50, the threshold; the case waits for a credit officer.
    firstLoan = await newLoan();
    const before = await startCase(firstLoan);
    expect([before.status, Number(before.variables.score), before.waitingAt.map((w) => w.nodeId)]).toEqual(['running', 50, ['officerApproval']]);

    // 黄磊 signs in on the login page the designer sends him to, and lands on the decision.
    await page.goto(`${server.url}/designer/decision/loan_scoring`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('huang_lei');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/designer\/decision\/loan_scoring$/);
    await page.getByRole('heading', { level: 1, name: 'Decision: Loan applicant scoring' }).waitFor();
    const score = grid('Score');
    await score.waitFor();
    // A sum of points: the analysis looks for rules that never match, not for overlaps (every applicant matches two rules).
    const findings = page.getByRole('region', { name: 'Gaps and overlaps' });
    await findings.getByText('No gaps, overlaps or unreachable rules found.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Hit policy' }).inputValue()).toBe('C+');
    expect((await rules(score)).slice(0, 4)).toEqual([
      ['>= 750', '-', '60', 'excellent credit'],
      ['[650..750)', '-', '45', 'good credit'],
      ['[550..650)', '-', '25', 'fair credit'],
      ['< 550', '-', '0', 'poor credit'],
    ]);
    await screenshot(page, '23-decision-designer-score-en');

    // By keyboard: the fair band now starts at 600; a rule added below it gives 550–599 five points.
    await cell(score, 3, 0).click();
    await page.keyboard.type('[600..650)');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => score.getAttribute('aria-rowcount')).toBe('10');
    expect(await cell(score, 4, 0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.type('[550..600)');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('fair credit, lower band');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rules(score)).slice(2, 5)).toEqual([
      ['[600..650)', '-', '25', 'fair credit'],
      ['[550..600)', '-', '5', 'fair credit, lower band'],
      ['< 550', '-', '0', 'poor credit'],
    ]);
    expect(await page.getByText('Unsaved changes').isVisible()).toBe(true);
    await findings.getByText('No gaps, overlaps or unreachable rules found.').waitFor();
    await screenshot(page, '24-decision-designer-rule-added-en');

    // The risk desk's finer recommendation bands, copied from their spreadsheet and pasted over rule 1.
    await page.getByRole('combobox', { name: 'Decision' }).selectOption({ label: 'Recommendation (decision table)' });
    const recommendation = grid('Recommendation');
    await recommendation.waitFor();
    const block = [
      ['< 40', '"decline"'],
      ['[40..50)', '"decline"'],
      ['[50..60)', '"review"'],
      ['[60..70]', '"review"'],
      ['>= 70', '"approve"'],
    ];
    await page.evaluate((text) => navigator.clipboard.writeText(text), excelTsv(block));
    await cell(recommendation, 1, 0).click();
    await page.keyboard.press('Control+V');
    await expect.poll(() => rules(recommendation)).toEqual(block);
    expect(await page.getByRole('status').filter({ hasText: 'Pasted 5 rules × 2 columns; 2 rules added.' }).count()).toBe(1);

    // Rules 4 and 5 both take a score of exactly 70: the analysis flags both rows and lists the overlap.
    await expect.poll(() => markers(recommendation, 4)).toBe('Overlaps rule 5');
    expect(await markers(recommendation, 5)).toBe('Overlaps rule 4');
    expect(await markers(recommendation, 3)).toBe('');
    expect(await findings.innerText()).toMatch(/Rules 4 and 5 both match .*70/);
    await screenshot(page, '25-decision-designer-overlap-en');
    await language('中文');
    const recommendationZh = page.getByRole('grid', { name: 'Recommendation 的规则' });
    await expect.poll(() => markers(recommendationZh, 4)).toBe('与规则 5 重叠');
    expect(await page.getByRole('region', { name: '遗漏与重叠' }).innerText()).toMatch(/规则 4 和 5 都匹配/);
    await screenshot(page, '26-decision-designer-overlap-zh');
    await language('English');

    // He closes the band at 70 by keyboard: Enter opens the cell, the bracket becomes a parenthesis.
    await cell(recommendation, 4, 0).click();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Score, rule 4' });
    await editor.waitFor();
    await page.keyboard.press('Backspace');
    await page.keyboard.type(')');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(recommendation, 4, 0).textContent()).toBe('[60..70)');
    await findings.getByText('No gaps, overlaps or unreachable rules found.').waitFor();
    expect([await markers(recommendation, 4), await markers(recommendation, 5)]).toEqual(['', '']);
    expect(await ruleRow(recommendation, 4).getAttribute('class')).not.toContain('dg-row--flagged');
    await screenshot(page, '27-decision-designer-overlap-fixed-en');

    // The input's expression is typed in the FEEL editor (Monaco) inside the column's modal dialog, at full speed, and put back.
    await page.getByRole('button', { name: 'Column properties…' }).click();
    const column = page.getByRole('dialog', { name: 'Column: Score' });
    const expression = column.locator('.feel-editor', { hasText: 'Expression (FEEL)' });
    await expression.locator('.monaco-editor').waitFor();
    const typed = async () => (await expression.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    const original = await typed();
    await expression.getByText('Expression (FEEL)', { exact: true }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' + 0');
    await expect.poll(typed).toBe(`${original} + 0`);
    for (let i = 0; i < ' + 0'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(typed).toBe(original);
    await page.keyboard.press('Escape');
    await column.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('saves; Publish is refused while a stored test case fails, and goes through once the case expects the new score', async () => {
    const bar = page.getByRole('toolbar', { name: 'Draft actions' });
    await bar.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    const draft = await analystApi('GET', '/api/artifacts/decision/loan_scoring');
    const saved = JSON.stringify(draft.body.document);
    expect(saved).toContain('fair credit, lower band');
    expect(saved).toContain('[60..70)');

    await bar.getByRole('button', { name: 'Publish' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '1 problem to fix before saving' });
    await refusal.waitFor();
    // The refused case is named in words (its pointer, /tests/4, is the tooltip).
    expect(await refusal.getByRole('listitem').allInnerTexts()).toEqual([`Test “${FAIR_EDGE_CASE}” Test "${FAIR_EDGE_CASE}" failed: score is 15, expected 35.`]);
    expect(await refusal.getByText(`Test “${FAIR_EDGE_CASE}”`, { exact: true }).getAttribute('title')).toBe('/tests/4');
    await screenshot(page, '28-decision-designer-publish-refused-en');
    await language('中文');
    const refusalZh = page.getByRole('alert').filter({ hasText: '保存前需要修正 1 个问题' });
    await refusalZh.waitFor();
    expect(await refusalZh.getByRole('listitem').allInnerTexts()).toEqual([`测试“${FAIR_EDGE_CASE}” 测试“${FAIR_EDGE_CASE}”未通过：score 为 15，期望 35。`]);
    await screenshot(page, '29-decision-designer-publish-refused-zh');
    await language('English');
    expect((await analystApi('GET', '/api/artifacts/decision/loan_scoring')).body.latestVersion).toBe(1);

    // The Tests panel runs the suite against the draft: the one failing case takes the new score, and a name that says so.
    await page.getByRole('tab', { name: 'Tests' }).click();
    const cases = page.getByRole('list', { name: 'Test cases' });
    await page.getByRole('status').filter({ hasText: '11 of 12 cases pass' }).waitFor();
    const failing = cases.getByRole('listitem', { name: FAIR_EDGE_CASE, exact: true });
    expect(await failing.getByRole('list', { name: `What ${FAIR_EDGE_CASE} expected and got` }).innerText()).toBe('score: expected 35, got 15');
    await screenshot(page, '30-decision-designer-failing-case-en');
    await failing.getByRole('button', { name: `Take the actual outputs of ${FAIR_EDGE_CASE} as expected` }).click();
    await page.getByRole('status').filter({ hasText: '12 of 12 cases pass' }).waitFor();
    await cases.getByRole('button', { name: `Edit ${FAIR_EDGE_CASE}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Edit test case ${FAIR_EDGE_CASE}` });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(FAIR_EDGE_CASE_RENAMED);
    expect(await dialog.getByRole('textbox', { name: 'score', exact: true }).inputValue()).toBe('15');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await cases.getByRole('listitem', { name: FAIR_EDGE_CASE_RENAMED }).waitFor();

    await bar.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 2' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'problem to fix' }).count()).toBe(0);
    await screenshot(page, '31-decision-designer-published-en');
    const published = await analystApi('GET', '/api/artifacts/decision/loan_scoring');
    expect(published.body.latestVersion).toBe(2);
    const tests = (published.body.document as { tests: { name: string; expected: Record<string, unknown> }[] }).tests;
    expect(tests[4]).toMatchObject({ name: FAIR_EDGE_CASE_RENAMED, expected: { score: 15, recommendation: 'decline' } });
    expect(pageErrors).toEqual([]);
  });

  it('routes a loan case started after the publish by the new rule: 580 and 4x the income is now rejected by the flow', async () => {
    const loanId = await newLoan();
    const after = await startCase(loanId);
    // 5 points for the credit band plus 25 for the ratio: 30, below the threshold of 50.
    expect([after.status, after.outcome, Number(after.variables.score), after.waitingAt]).toEqual(['completed', 'rejected', 30, []]);
    expect((await rmApi('GET', `/api/records/loan_application/${loanId}`)).body).toMatchObject({ status: 'rejected', decided_by: null });
    // The case started under version 1 still waits where version 1 sent it.
    const waiting = await rmApi('GET', `/api/flows/instances?record=${firstLoan}`);
    const [first] = waiting.body.items as CaseDetail[];
    expect(first!.waitingAt.map((w) => w.nodeId)).toEqual(['officerApproval']);
  });
});
