import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';



/**
 * Issue 18's loan case as the bank's people live it, on the example bank CRM and its demo desk:
 * the relationship manager 王芳 submits a 3,000,000 CNY loan, the credit officer 张伟 claims and
 * approves it from the inbox with a comment, the branch manager 陈静 approves it in Chinese, and
 * 王芳 sees the trail and the status, which she cannot edit. A second loan is returned to her for
 * documents, amended and resubmitted.
 */
describe('a loan application goes through approval in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const errors: string[][] = [];

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);

  /** A browser window signed in as one of the desk's people. */
  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    errors.push(watchForPageErrors(page));
    await page.goto(`${server.url}/login?next=%2Finbox`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    return page;
  }

  /** A loan of the RM's first customer; the server gives it its number (LA, this month, a sequence). */
  async function newLoan(rm: Api, amount: string): Promise<{ id: string; no: string }> {
    const customers = await rm('POST', '/api/records/customer/query', { limit: 1 });
    const customer = (customers.body.items as { id: string }[])[0]!.id;
    const loan = await rm('POST', '/api/records/loan_application', {
      customer,
      product: 'business',
      amount: { amount, currency: 'CNY' },
      term_months: 36,
      credit_score: 780,
      annual_income: { amount: '1500000.00', currency: 'CNY' },
      purpose: 'Equipment for the new workshop',
    });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);
    return { id: loan.body.id as string, no: loan.body.application_no as string };
  }

  beforeAll(async () => {
    // A dozen people sign in from this one machine within the minute: more than the default login limit allows.
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD, BANKFORGE_LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    expect((await (await apiAs('admin', ADMIN_PASSWORD))('GET', '/api/auth/me')).status).toBe(200);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('submits, claims, approves twice, and shows the RM the trail and a status only the flow sets', async () => {
    const rmApi = await apiAs('wang_fang', DEMO_PASSWORD);
    const { id: loanId, no: no1 } = await newLoan(rmApi, '3000000.00');

    // 王芳 submits the loan from its record page.
    const rm = await signedIn('wang_fang');
    await rm.goto(`${server.url}/bank_crm/loan_application/${loanId}`);
    const approvals = rm.getByRole('region', { name: 'Approvals' });
    await approvals.getByRole('button', { name: 'Submit for approval' }).click();
    const dialog = rm.getByRole('dialog', { name: /Submit for approval/ });
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => approvals.textContent()).toContain('Credit officer review');
    // The status belongs to the flow: read-only, and now "Submitted".
    const status = rm.getByRole('combobox', { name: /^Status/ });
    await expect.poll(() => status.isDisabled().then((d) => d || status.getAttribute('aria-readonly').then((r) => r === 'true'))).toBe(true);
    await screenshot(rm, '14-rm-submitted-en');

    // 张伟 finds it among the tasks to claim, claims it and approves with a comment.
    const officer = await signedIn('zhang_wei');
    await officer.getByRole('tab', { name: /To claim/ }).click();
    await officer.getByRole('button', { name: `Claim ${no1}` }).click();
    await officer.getByRole('tab', { name: /Assigned to me/ }).click();
    await screenshot(officer, '15-officer-inbox-en');
    await officer.getByRole('link', { name: no1 }).click();
    await officer.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Approve' }).click();
    const approve = officer.getByRole('dialog', { name: new RegExp(`Approve ${no1}`) });
    await approve.getByRole('textbox', { name: 'Comment (optional)' }).fill('Income documents verified');
    await screenshot(officer, '16-officer-approves-en');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await officer.waitForURL(/\/inbox/);

    // 陈静, the branch manager of 王芳's branch, approves in Chinese.
    const manager = await signedIn('chen_jing');
    await manager.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await manager.getByRole('link', { name: no1 }).click();
    await manager.getByRole('group', { name: '操作' }).getByRole('button', { name: '批准' }).click();
    const approveZh = manager.getByRole('dialog', { name: new RegExp(`批准 ${no1}`) });
    await approveZh.getByRole('textbox').first().fill('同意');
    await screenshot(manager, '17-branch-manager-approves-zh');
    await approveZh.getByRole('button', { name: '批准' }).click();
    await manager.waitForURL(/\/inbox/);

    // 王芳 sees the outcome and the trail, in Chinese too.
    const loan = await rmApi('GET', `/api/records/loan_application/${loanId}`);
    expect(loan.body).toMatchObject({ status: 'approved', approved_amount: { amount: '3000000.00', currency: 'CNY' }, decided_by: 'chen_jing' });
    await rm.reload();
    await rm.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    const approvalsZh = rm.getByRole('region', { name: '审批', exact: true });
    await approvalsZh.getByRole('button', { name: '显示贷款审批的审批记录' }).click();
    await expect.poll(() => approvalsZh.textContent()).toContain('同意');
    await screenshot(rm, '18-rm-approved-trail-zh');
    // Nobody but the flow changes the status.
    const edit = await rmApi('PATCH', `/api/records/loan_application/${loanId}`, { version: loan.body.version, status: 'draft' });
    expect([edit.status, edit.body.code]).toEqual([422, 'fieldControlledByFlow']);
    for (const list of errors) expect(list).toEqual([]);
  });

  it('returns a case to the RM for documents; she amends the loan and resubmits it', async () => {
    const rmApi = await apiAs('wang_fang', DEMO_PASSWORD);
    const { id: loanId, no: no2 } = await newLoan(rmApi, '400000.00');
    expect((await rmApi('POST', '/api/flows/loan_approval/instances', { recordId: loanId })).status).toBe(201);

    const officer = await signedIn('liu_yang');
    await officer.getByRole('tab', { name: /To claim/ }).click();
    await officer.getByRole('link', { name: no2 }).click();
    await officer.getByRole('button', { name: 'Claim this task' }).click();
    await officer.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Return' }).click();
    const back = officer.getByRole('dialog', { name: new RegExp(`Return ${no2}`) });
    await back.getByRole('textbox', { name: 'Reason' }).fill('Please attach the income certificate');
    await back.getByRole('button', { name: 'Return' }).click();
    await officer.waitForURL(/\/inbox/);
    expect((await rmApi('GET', `/api/records/loan_application/${loanId}`)).body.status).toBe('returned');

    // 王芳 amends the purpose on the record, then resubmits from her inbox.
    const rm = await signedIn('wang_fang');
    await rm.goto(`${server.url}/bank_crm/loan_application/${loanId}`);
    const purpose = rm.getByRole('textbox', { name: /^Purpose/ });
    await purpose.fill('Equipment; income certificate attached');
    await rm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await rmApi('GET', `/api/records/loan_application/${loanId}`)).body.purpose).toBe('Equipment; income certificate attached');
    await rm.goto(`${server.url}/inbox`);
    await rm.getByRole('link', { name: no2 }).click();
    const resubmit = rm.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Resubmit' });
    await resubmit.waitFor();
    await screenshot(rm, '19-rm-returned-en');
    await resubmit.click();
    await rm.getByRole('dialog', { name: new RegExp(`Resubmit ${no2}`) }).getByRole('button', { name: 'Resubmit' }).click();
    await rm.waitForURL(/\/inbox/);
    const loan = await rmApi('GET', `/api/records/loan_application/${loanId}`);
    expect(loan.body.status).toBe('submitted');
    const cases = await rmApi('GET', `/api/flows/instances?record=${loanId}`);
    const [current] = cases.body.items as { waitingAt: { nodeId: string }[] }[];
    expect(current!.waitingAt.map((w) => w.nodeId)).toEqual(['officerApproval']);
    for (const list of errors) expect(list).toEqual([]);
  });

  it('delegates through the people picker, says due times in business time, and offers where a return may go, in English and Chinese', async () => {
    const rmApi = await apiAs('wang_fang', DEMO_PASSWORD);
    const { id: loanId, no: no3 } = await newLoan(rmApi, '3000000.00');
    const started = await rmApi('POST', '/api/flows/loan_approval/instances', { recordId: loanId });
    expect(started.status).toBe(201);
    const reviewId = (started.body.tasks as { id: string }[])[0]!.id;
    const officerApi = await apiAs('zhang_wei', DEMO_PASSWORD);
    expect((await officerApi('POST', `/api/tasks/${reviewId}/claim`, {})).status).toBe(200);
    const reviewed = await officerApi('POST', `/api/tasks/${reviewId}/approve`, { comment: 'Income verified' });
    const taskId = (reviewed.body.tasks as { id: string }[])[0]!.id;

    // The seeded overdue case went to the head of risk when its SLA timer fired: first in her inbox, in red.
    // It is the demo desk's first loan, numbered by the server this month (the seed's loans end at the last month-end).
    const overdueNo = `${loanNumberPrefix()}000001`;
    const riskApi = await apiAs('wu_min', DEMO_PASSWORD);
    await expect.poll(async () => ((await riskApi('GET', '/api/tasks')).body.items as { recordTitle?: string }[])[0]?.recordTitle, { timeout: 30_000 }).toBe(overdueNo);
    const risk = await signedIn('wu_min');
    const overdueRow = risk.getByRole('row', { name: new RegExp(overdueNo) });
    await expect.poll(() => overdueRow.locator('.overdue').textContent()).toMatch(/overdue/i);
    await screenshot(risk, '20-head-of-risk-overdue-en');

    // 陈静, the branch manager, delegates her step to a committee member found by typing part of a username.
    const manager = await signedIn('chen_jing');
    await manager.goto(`${server.url}/tasks/${encodeURIComponent(taskId)}`);
    await manager.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Delegate' }).click();
    const delegate = manager.getByRole('dialog', { name: new RegExp(`Delegate ${no3}`) });
    const person = delegate.getByRole('combobox', { name: 'Person' });
    await person.pressSequentially('zh');
    await delegate.getByRole('option').first().waitFor();
    expect(await delegate.getByRole('option').allTextContents()).toContain('周杰 · zhou_jie · HQ');
    await screenshot(manager, '21-branch-manager-delegates-en');
    await person.pressSequentially('ou');
    await expect.poll(() => delegate.getByRole('option').allTextContents()).toEqual(['周杰 · zhou_jie · HQ']);
    await person.press('Enter');
    await delegate.getByRole('button', { name: 'Delegate' }).click();
    await manager.waitForURL(/\/inbox/);

    // 周杰 reads it in Chinese: due in business time; a return may only go back to the credit officer's step.
    const member = await signedIn('zhou_jie');
    await member.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => member.getByRole('row', { name: new RegExp(no3) }).textContent()).toMatch(/工作(日|小时)/);
    await member.getByRole('link', { name: no3 }).click();
    await member.getByRole('group', { name: '操作' }).getByRole('button', { name: '退回' }).click();
    const back = member.getByRole('dialog', { name: new RegExp(`退回 ${no3}`) });
    expect(await back.getByRole('combobox', { name: '退回至' }).locator('option').allTextContents()).toEqual(['信贷员审核']);
    await back.getByRole('button', { name: '取消' }).click();
    await member.getByRole('group', { name: '操作' }).getByRole('button', { name: '转办' }).click();
    const hand = member.getByRole('dialog', { name: new RegExp(`转办 ${no3}`) });
    await hand.getByRole('combobox', { name: '人员' }).pressSequentially('吴');
    await expect.poll(() => hand.getByRole('option').allTextContents()).toEqual(['吴敏 · wu_min · HQ']);
    await screenshot(member, '22-committee-member-delegates-zh');
    await hand.getByRole('combobox', { name: '人员' }).press('Enter');
    await hand.getByRole('button', { name: '转办' }).click();
    await member.waitForURL(/\/inbox/);
    const task = await riskApi('GET', `/api/tasks/${encodeURIComponent(taskId)}`);
    expect((task.body.assignees as { id: string }[]).map((a) => a.id)).toEqual(['wu_min']);
    for (const list of errors) expect(list).toEqual([]);
  });
});

/** A loan number's fixed part this month: LA and the year and month in the bank's zone (Beijing). */
function loanNumberPrefix(now = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now).split('-');
  return `LA${year}${month}`;
}
