import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { startServer, type RunningServer } from '../harness/server.js';

/**
 * Issue 20, as the bank's analyst lives it on the example bank CRM: 黄磊 (huang_lei, business
 * analyst) opens loan_approval in the flow designer and simulates it before anyone publishes it.
 * A 300,000 loan is scored by the published loan_scoring decision (evaluated in his browser),
 * routed to one credit officer, approved as a stand-in officer, and ends approved; the path shows
 * on the canvas. A 6,000,000 loan goes to the credit committee, whose 3 business days run on the
 * server's mainland calendar: he advances the clock a business day at a time until the head of
 * risk takes over. Nothing reaches the server but reads: no case, no saved draft.
 */
describe('an analyst simulates the loan approval in the flow designer, and nothing is written', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let analystApi: Api;
  /** Every request the page sends that is not a read (a records query is one). */
  const writes: string[] = [];

  const language = (name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  /** A step on the simulation's canvas, by its accessible name ("Type: Name", then ", passed" or ", waiting here"). */
  const step = (name: string): Locator => page.getByRole('region', { name: /^(Flow diagram, simulation|流程图（模拟）)$/ }).getByRole('group', { name: new RegExp(`^${name}(,|$)`) });
  const timeline = (): Promise<string[]> => page.getByRole('region', { name: /^(What happened|经过)$/ }).getByRole('listitem').allTextContents();

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    analystApi = await apiAsOn(server.url, 'huang_lei', DEMO_PASSWORD);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(page);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() !== 'GET' && !url.pathname.endsWith('/query') && url.pathname !== '/api/auth/login') writes.push(`${request.method()} ${url.pathname}`);
    });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('simulates an approval and a committee timeout in the browser, in English and Chinese, leaving the server as it was', async () => {
    const casesBefore = await analystApi('GET', '/api/flows/instances?startedBy=me');
    expect(casesBefore.status).toBe(200);
    const draftBefore = await analystApi('GET', '/api/artifacts/flow/loan_approval');

    await page.goto(`${server.url}/designer/flow/loan_approval`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('huang_lei');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/designer\/flow\/loan_approval$/);
    await page.getByRole('heading', { level: 1, name: 'Flow: Loan approval' }).waitFor();

    // By keyboard: the Simulate tab is the Design tab's neighbour.
    await page.getByRole('tab', { name: 'Design' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Simulate' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Start the simulation' }).waitFor();
    await page.getByText('Business days count on the bank’s calendar “Mainland China business calendar” (version 1), as the server’s timers do.').waitFor();
    await page.getByText('Score applicant evaluates loan_scoring version 1, here in the browser.').waitFor();
    // His roles read no loan applications: the picker says so, and he types the values.
    await page.getByText('Your roles do not let you read Loan application records: enter the values by hand.').waitFor();

    // The approval path: a 300,000 loan, started on Friday 6 March 2026 at 16:00, bank time.
    await page.getByRole('textbox', { name: 'Amount' }).fill('300000');
    await page.getByRole('textbox', { name: 'Credit score' }).fill('780');
    await page.getByRole('textbox', { name: 'Annual income' }).fill('1,500,000');
    await page.getByLabel('The case starts at (Asia/Shanghai)').fill('2026-03-06T16:00');
    await page.getByRole('button', { name: 'Start the simulation' }).click();
    const officer = page.getByRole('article', { name: 'Credit officer approval' });
    await officer.getByText('May act now: credit_officer 1, credit_officer 2, credit_officer 3').waitFor();
    expect(await step('Approval: Credit officer approval').getAttribute('aria-label')).toBe('Approval: Credit officer approval, waiting here');
    expect(await step('Decision: Score applicant').getAttribute('aria-label')).toBe('Decision: Score applicant, passed');
    expect(await timeline()).toContainEqual(expect.stringContaining('Score applicant: loan_scoring version 1 answered score = 100, recommendation = approve.'));
    expect(await timeline()).toContainEqual(expect.stringContaining('Amount routing → Credit officer approval, as amount <= 500000 held.'));

    await officer.getByRole('combobox', { name: 'Act as' }).selectOption({ label: 'credit_officer 2' });
    await officer.getByRole('textbox', { name: 'Comment' }).fill('Income verified');
    // By keyboard: the answer's button, then Enter.
    await officer.getByRole('button', { name: 'Approve' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('The case ended: approved.', { exact: true }).first().waitFor();
    expect(await step('End: Approved').getAttribute('aria-label')).toBe('End: Approved, passed');
    expect(await step('Approval: Credit committee countersign').getAttribute('aria-label')).toBe('Approval: Credit committee countersign');
    expect((await timeline()).at(-1)).toContain('The case ended: approved.');
    await screenshot(page, '37-flow-simulation-approval-en');
    await language('中文');
    await page.getByRole('region', { name: '经过' }).getByText('案件已结束：通过。').waitFor();
    expect(await step('审批：信贷员审批').getAttribute('aria-label')).toBe('审批：信贷员审批, 已经过');
    await screenshot(page, '38-flow-simulation-approval-zh');
    await language('English');

    // The timeout: Reset keeps his entries; a 6,000,000 loan goes to the committee, 3 business days.
    await page.getByRole('button', { name: 'Reset' }).click();
    const amount = page.getByRole('textbox', { name: 'Amount' });
    expect(await amount.inputValue()).toBe('300000');
    await amount.fill('6000000');
    await page.getByRole('button', { name: 'Start the simulation' }).click();
    const committee = page.getByRole('article', { name: 'Credit committee countersign' });
    await committee.getByText('May act now: credit_committee 1, credit_committee 2, credit_committee 3').waitFor();
    expect(await step('Approval: Credit committee countersign').getAttribute('aria-label')).toBe('Approval: Credit committee countersign, waiting here');

    // One business day at a time, by keyboard, until the deadline passes.
    const escalation = 'Credit committee countersign: overdue, escalated from credit_committee 1, credit_committee 2, credit_committee 3 to head_of_risk 1, head_of_risk 2, head_of_risk 3.';
    let advanced = 0;
    while (!(await timeline()).some((entry) => entry.includes(escalation))) {
      expect(advanced, 'the committee’s 3 business days should have run out').toBeLessThan(5);
      const days = page.getByRole('spinbutton', { name: 'Business days' });
      await days.fill('1');
      await days.press('Enter');
      advanced += 1;
      await page.getByText(new RegExp(`^Advanced 1 business day to `)).waitFor();
      await expect.poll(async () => (await page.getByRole('heading', { name: /^Simulated time: / }).textContent()) ?? '').toContain(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][advanced - 1]!);
    }
    // Friday 16:00 + 3 business days (the weekend not counted): Wednesday 16:00.
    expect(advanced).toBe(3);
    expect((await timeline()).find((entry) => entry.includes(escalation))).toMatch(/^Wed, Mar 11, 2026, 16:00/);
    await committee.getByText('May act now: head_of_risk 1, head_of_risk 2, head_of_risk 3').waitFor();
    await screenshot(page, '39-flow-simulation-timeout-en');
    await language('中文');
    await page.getByRole('article', { name: '贷审会会签' }).getByText('当前可处理：head_of_risk 1、head_of_risk 2、head_of_risk 3').waitFor();
    await screenshot(page, '40-flow-simulation-timeout-zh');
    await language('English');

    // Leaving the tab gives the draft back to edit.
    await page.getByRole('tab', { name: 'Design' }).click();
    await page.getByRole('navigation', { name: 'Steps' }).waitFor();

    // Nothing was written: the page sent reads only, no case exists, the draft is as it was.
    expect(writes).toEqual([]);
    const casesAfter = await analystApi('GET', '/api/flows/instances?startedBy=me');
    expect(casesAfter.body.items).toEqual(casesBefore.body.items);
    const draftAfter = await analystApi('GET', '/api/artifacts/flow/loan_approval');
    expect(draftAfter.body.revision).toBe(draftBefore.body.revision);
    expect(draftAfter.body.document).toEqual(draftBefore.body.document);
    expect(pageErrors).toEqual([]);
  });
});
