import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs as apiAsOn, DEMO_PASSWORD, type Api } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

/** A reveal lasts this long in the story (BANKFORGE_REVEAL_SECONDS), so its end is seen without a long wait. */
const REVEAL_SECONDS = 8;
/** Valid resident IDs (check characters right): born 20 November 1985 and 1 January 1990. */
const ZHAO_ID = '310115198511204566';
const QIAN_ID = '44030519900101123X';

/** This month's loan numbers start so: the example numbers loans LA{yyyyMM}{seq:6} in Beijing time. */
function loanPrefix(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `LA${parts.find((p) => p.type === 'year')!.value}${parts.find((p) => p.type === 'month')!.value}`;
}

/**
 * Issue 21's record details as the bank's people meet them in the example CRM: a relationship
 * manager's new loan gets its number from the server on save; a customer's birth date is read
 * from the resident ID as it is typed (and by the server when left empty); dates read
 * yyyy/MM/dd in Chinese; a compliance officer reveals a masked resident ID only with a reason,
 * sees it in clear for a while, then masked again, and the reason is in the audit log.
 */
describe('record details: loan numbers, birth dates from the resident ID, dates in Chinese, a reveal with a reason', () => {
  let server: RunningServer;
  let browser: Browser;
  const errors: string[][] = [];
  let customerId: string;

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);
  const language = (page: Page, name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();

  /** A browser window signed in (through the login page) as one of the demo desk's people, or the administrator. */
  async function signedIn(username: string, password = DEMO_PASSWORD): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    errors.push(watchForPageErrors(page));
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  /** Picks the first option a lookup offers, by the keyboard (Down opens the list, Enter chooses). */
  async function firstOption(page: Page, name: string | RegExp): Promise<void> {
    const box = page.getByRole('combobox', { name });
    await box.focus();
    await box.press('ArrowDown');
    await page.locator(`[id="${(await box.getAttribute('aria-controls'))!}"]`).getByRole('option').first().waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).not.toBe('');
  }

  beforeAll(async () => {
    server = await startServer({
      BANKFORGE_EXAMPLE: 'bank-crm',
      BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD,
      BANKFORGE_REVEAL_SECONDS: String(REVEAL_SECONDS),
      BANKFORGE_LOGIN_ATTEMPTS_PER_MINUTE: '100',
    });
    expect((await (await apiAs('admin', ADMIN_PASSWORD))('GET', '/api/auth/me')).status).toBe(200);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an RM creates a loan: "Assigned on save", then the number the server gave it', async () => {
    const rm = await signedIn('wang_fang');
    await rm.goto(`${server.url}/bank_crm/loan_application/new`);
    const number = rm.getByRole('textbox', { name: 'Application number' });
    await number.waitFor();
    expect(await number.getAttribute('readonly')).not.toBeNull();
    expect(await number.getAttribute('placeholder')).toBe('Assigned on save');
    await firstOption(rm, /^Customer/);
    await rm.getByRole('combobox', { name: /^Product/ }).selectOption('consumer');
    await rm.getByRole('textbox', { name: /^Amount/ }).fill('200000');
    await rm.getByRole('textbox', { name: /^Term \(months\)/ }).fill('36');
    await rm.getByRole('textbox', { name: /^Purpose/ }).fill('Kitchen renovation');
    await screenshot(rm, '66-rm-new-loan-assigned-on-save-en');

    await rm.getByRole('button', { name: 'Save' }).click();
    await rm.waitForURL(/\/bank_crm\/loan_application\/[0-9a-f-]{36}$/);
    await expect.poll(() => rm.getByRole('textbox', { name: 'Application number' }).inputValue()).toMatch(new RegExp(`^${loanPrefix()}\\d{6}$`));
    const assigned = await rm.getByRole('textbox', { name: 'Application number' }).inputValue();
    await language(rm, '中文');
    await expect.poll(() => rm.getByRole('textbox', { name: '申请编号' }).inputValue()).toBe(assigned);
    await screenshot(rm, '67-rm-loan-numbered-zh');
    // The number is the record's: the RM cannot change it, and a second loan takes the next one.
    const api = await apiAs('wang_fang', DEMO_PASSWORD);
    const mine = await api('POST', '/api/records/customer/query', { limit: 1 });
    const next = await api('POST', '/api/records/loan_application', { customer: (mine.body.items as { id: string }[])[0]!.id, product: 'auto', amount: { amount: '90000.00', currency: 'CNY' }, term_months: 24 });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(Number(String(next.body.application_no).slice(8))).toBe(Number(assigned.slice(8)) + 1);
    const chosen = await api('POST', '/api/records/loan_application', { application_no: 'LA202612999999', customer: (mine.body.items as { id: string }[])[0]!.id, product: 'auto', amount: { amount: '90000.00', currency: 'CNY' }, term_months: 24 });
    expect(chosen.status).toBe(422);
    expect((chosen.body.errors as { messageZh: string }[])[0]!.messageZh).toBe('申请编号由系统在保存时编号，请勿填写');
    await rm.context().close();
  });

  it('a customer typed with a resident ID and no birth date gets it, live in the form and from the server', async () => {
    const rm = await signedIn('wang_fang');
    await language(rm, '中文');
    await rm.goto(`${server.url}/bank_crm/customer/new`);
    await rm.getByRole('textbox', { name: /^客户号/ }).fill('C9800000777');
    await rm.getByRole('textbox', { name: /^客户名称/ }).fill('赵小敏');
    await rm.getByRole('combobox', { name: /^客户分层/ }).selectOption('mass');
    await firstOption(rm, /^归属网点/);
    await rm.getByRole('textbox', { name: /^居民身份证号/ }).fill(ZHAO_ID);
    // Read from the ID as it is typed, written as Chinese dates are.
    await expect.poll(() => rm.getByRole('textbox', { name: /^出生日期/ }).inputValue()).toBe('1985/11/20');
    await rm.getByRole('textbox', { name: /^开户时间/ }).fill('2026/12/01 09:30');
    await screenshot(rm, '68-rm-birth-date-from-resident-id-zh');
    await rm.getByRole('button', { name: '保存' }).click();
    await rm.waitForURL(/\/bank_crm\/customer\/[0-9a-f-]{36}$/);
    customerId = new URL(rm.url()).pathname.split('/').at(-1)!;
    const admin = await apiAs('admin', ADMIN_PASSWORD);
    const stored = await admin('GET', `/api/records/customer/${customerId}`);
    expect(stored.body).toMatchObject({ name: '赵小敏', birth_date: '1985-11-20', onboarded_at: expect.stringMatching(/^2026-12-01T/) });

    // Left empty by an integration (no form): the server reads it from the ID.
    const api = await apiAs('wang_fang', DEMO_PASSWORD);
    const branch = (stored.body.branch as string) ?? '';
    const created = await api('POST', '/api/records/customer', { customer_no: 'C9800000778', name: '钱多多', customer_type: 'individual', segment: 'mass', branch, resident_id: QIAN_ID, onboarded_at: '2026-12-02T01:00:00Z' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await admin('GET', `/api/records/customer/${created.body.id as string}`)).body.birth_date).toBe('1990-01-01');
    await rm.context().close();
  });

  it('dates read yyyy/MM/dd in Chinese: in the list, its filters and the record page', async () => {
    const admin = await signedIn('admin', ADMIN_PASSWORD);
    await language(admin, '中文');
    await admin.goto(`${server.url}/bank_crm/customer`);
    const table = admin.getByRole('table');
    await admin.getByRole('textbox', { name: /筛选.*客户名称|客户名称.*筛选/ }).fill('赵小敏');
    await expect.poll(() => table.getByRole('row').filter({ hasText: '赵小敏' }).count()).toBe(1);
    await admin.getByRole('button', { name: '列' }).click();
    await admin.getByRole('checkbox', { name: '出生日期' }).check();
    await admin.getByRole('checkbox', { name: '开户时间' }).check();
    await admin.getByRole('button', { name: '列' }).click();
    const row = table.getByRole('row').filter({ hasText: '赵小敏' });
    await expect.poll(() => row.textContent()).toContain('1985/11/20');
    expect(await row.textContent()).toContain('2026/12/01 09:30');
    expect(await row.textContent()).not.toMatch(/11\/20\/1985|12\/01\/2026/);
    expect(await admin.getByRole('textbox', { name: /出生日期起/ }).getAttribute('placeholder')).toBe('YYYY/MM/DD');
    await screenshot(admin, '69-customer-list-dates-zh');

    await admin.goto(`${server.url}/bank_crm/customer/${customerId}`);
    const birth = admin.getByRole('textbox', { name: /^出生日期/ });
    await expect.poll(() => birth.inputValue()).toBe('1985/11/20');
    // The calendar button opens the month in Chinese, weeks from Monday.
    await admin.getByRole('button', { name: /^选择日期 出生日期/ }).click();
    const calendar = admin.getByRole('dialog', { name: '选择日期' });
    expect(await calendar.getByText('1985年11月').count()).toBe(1);
    expect(await calendar.getByRole('columnheader').first().textContent()).toBe('周一');
    await admin.keyboard.press('Escape');
    await admin.context().close();
  });

  it('compliance reveals a masked resident ID with a reason, sees it in clear for a while, then masked again', async () => {
    const officer = await signedIn('zheng_hua');
    await officer.goto(`${server.url}/bank_crm/customer/${customerId}`);
    const id = officer.getByRole('textbox', { name: /^Resident ID number/ });
    await expect.poll(() => id.inputValue()).toBe('3101************66');
    await officer.getByRole('button', { name: 'Reveal Resident ID number' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Reveal Resident ID number' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Customer called the hotline; identity check before the AML review');
    await screenshot(officer, '70-compliance-reveal-reason-en');
    await dialog.getByRole('button', { name: 'Reveal' }).click();
    await officer.getByText(ZHAO_ID, { exact: true }).waitFor();
    await language(officer, '中文');
    await officer.getByText(/秒后隐藏/).waitFor();
    await screenshot(officer, '71-compliance-revealed-countdown-zh');
    // Masked again once the seconds the server allows are over.
    await officer.getByRole('button', { name: '查看居民身份证号' }).waitFor({ timeout: (REVEAL_SECONDS + 5) * 1000 });
    expect(await officer.getByText(ZHAO_ID, { exact: true }).count()).toBe(0);
    expect(await officer.getByRole('textbox', { name: /^居民身份证号/ }).inputValue()).toBe('3101************66');

    const api = await apiAs('zheng_hua', DEMO_PASSWORD);
    const audit = await api('GET', `/api/audit?entity=customer&recordId=${customerId}`);
    const entries = (Array.isArray(audit.body) ? audit.body : (audit.body.items as unknown[])) as { action: string; actorName?: string; detail: { field: string; reason: string } }[];
    expect(entries.filter((e) => e.action === 'unmask').map((e) => [e.detail.field, e.detail.reason])).toEqual([['resident_id', 'Customer called the hotline; identity check before the AML review']]);
    // An RM of the branch, without the unmask right, is offered no Reveal.
    const rm = await signedIn('wang_fang');
    await rm.goto(`${server.url}/bank_crm/customer/${customerId}`);
    await rm.getByRole('textbox', { name: /^Resident ID number/ }).waitFor();
    expect(await rm.getByRole('button', { name: /Reveal/ }).count()).toBe(0);
    await officer.context().close();
    await rm.context().close();
    expect(errors.flat()).toEqual([]);
  });
});
