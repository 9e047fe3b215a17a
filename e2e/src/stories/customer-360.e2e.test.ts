import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, SCREENSHOTS, watchForPageErrors, signInAt } from '../harness/browser.js';
import { startServer, type RunningServer } from '../harness/server.js';

type Overview = {
  header: { title: string };
  related: { entity: string; total: number }[];
  graph?: { edges: unknown[]; nodes: { visible: boolean }[] };
};

/**
 * Issue 21, the customer 360° page: 王芳 (relationship manager) opens one of her customers and sees
 * who it is (title, AUM, deposits, risk tolerance, tags), its accounts, loans and contacts, the
 * timeline and the related parties; she logs a phone call from the page and finds it on the
 * timeline. Then the same page on a phone, one column, nothing wider than the screen.
 */
describe('a relationship manager works from a customer 360° page', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let wang: Api;
  let customer: string;
  let title: string;

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    wang = await apiAs(server.url, 'wang_fang', DEMO_PASSWORD);
    // Her customer with the most to show: accounts, loans and contacts, related parties if any.
    const mine = (await wang('POST', '/api/records/customer/query', { fields: ['name'], limit: 200 })).body as { items: { id: string }[] };
    let best: { id: string; score: number; overview: Overview } | undefined;
    for (const { id } of mine.items) {
      const overview = (await wang('GET', `/api/records/customer/${id}/overview?app=bank_crm`)).body as unknown as Overview;
      const total = (entity: string) => overview.related.find((l) => l.entity === entity)?.total ?? 0;
      if (total('account') === 0 || total('loan_application') === 0 || total('contact') === 0) continue;
      const score = 10 * (overview.graph?.edges.length ?? 0) + (overview.graph?.nodes.some((n) => !n.visible) ? 100 : 0) + total('account');
      if (!best || score > best.score) best = { id, score, overview };
    }
    expect(best, 'a customer of 王芳 with accounts, loans and contacts').toBeDefined();
    customer = best!.id;
    title = best!.overview.header.title;
    // A related party she knows: another of her customers, as family.
    if ((best!.overview.graph?.edges.length ?? 0) === 0) {
      const other = mine.items.find((c) => c.id !== customer)!.id;
      expect((await wang('POST', '/api/records/relationship', { from_customer: customer, to_customer: other, kind: 'family', note: '表亲' })).status).toBe(201);
    }
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (viewport: { width: number; height: number }, phone = false): Promise<Page> => {
    const context = await browser.newContext({ viewport, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors.push(...watchForPageErrors(page));
    await signInAt(page, `${server.url}/bank_crm/customer/${customer}`, 'wang_fang', DEMO_PASSWORD);
    await page.waitForURL(new RegExp(`/bank_crm/customer/${customer}$`));
    return page;
  };
  const language = (page: Page, name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const related = (page: Page, name: RegExp) => page.getByRole('region', { name: /^(Related records|相关记录)$/ }).getByRole('region', { name });

  it("shows her customer's header, accounts, loans, contacts, timeline and related parties, in English and Chinese", async () => {
    const page = await signIn({ width: 1440, height: 1000 });
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const figures = page.getByLabel('Key figures');
    for (const figure of ['Assets under management', 'Deposits', 'Approved loans', 'Risk tolerance']) expect(await figures.getByText(figure, { exact: true }).count(), figure).toBe(1);
    for (const [name, link] of [[/^Accounts/, /^View all Accounts \(\d+\)$/], [/^Loan applications/, /^View all Loan applications \(\d+\)$/], [/^Contacts/, /^View all Contacts \(\d+\)$/]] as const) {
      const list = related(page, name);
      await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await list.getByRole('link', { name: link }).count()).toBe(1);
    }
    // Account numbers are masked for her: only their last four digits.
    expect(await related(page, /^Accounts/).getByRole('listitem').first().textContent()).toMatch(/\*{4,}\d{4}/);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.getByRole('listitem').count()).toBeGreaterThan(0);
    const parties = page.getByRole('region', { name: /^Related parties/ });
    await expect.poll(() => parties.getByRole('list', { name: 'Related parties as a list' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await parties.locator('.react-flow__node').first().waitFor();
    await screenshot(page, '72-customer-360-en');
    await parties.screenshot({ path: `${SCREENSHOTS}75-related-parties-en.png` });

    await language(page, '中文');
    await expect.poll(() => page.getByLabel('关键指标').getByText('风险承受等级', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('region', { name: '时间线' }).count()).toBe(1);
    await screenshot(page, '72-customer-360-zh-CN');
    await page.getByRole('region', { name: /^关联关系/ }).screenshot({ path: `${SCREENSHOTS}75-related-parties-zh-CN.png` });
    await language(page, 'English');

    // View all: the account list, filtered to this customer.
    const accounts = related(page, /^Accounts/);
    const total = Number(/\((\d+)\)/.exec((await accounts.getByRole('link', { name: /^View all/ }).textContent()) ?? '')?.[1]);
    await accounts.getByRole('link', { name: /^View all/ }).click();
    await page.waitForURL(new RegExp(`/bank_crm/account\\?customer=${customer}$`));
    await expect.poll(() => page.locator('.pager .total').textContent(), { timeout: 10_000 }).toBe(total === 1 ? '1 record' : `${total} records`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('logs a phone call from the page and finds it on the timeline', async () => {
    const page = await signIn({ width: 1440, height: 1000 });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Log Interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log Interaction' });
    await dialog.getByRole('combobox', { name: /^Channel/ }).selectOption({ label: 'Phone call' });
    await dialog.getByRole('textbox', { name: /^Summary/ }).fill('电话沟通大额存单到期续存');
    await screenshot(page, '73-log-interaction-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Interaction logged.' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    const entry = timeline.getByRole('listitem').filter({ hasText: '电话沟通大额存单到期续存' });
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('Phone call');
    expect(await entry.textContent()).toContain('王芳');
    // The interactions list counts it too.
    await expect.poll(() => related(page, /^Interactions/).getByRole('listitem').filter({ hasText: '电话沟通大额存单到期续存' }).count()).toBe(1);
    await screenshot(page, '74-timeline-logged-en');

    // And once more in Chinese: a WeChat message.
    await language(page, '中文');
    await page.getByRole('region', { name: '时间线' }).getByRole('button', { name: '记录客户互动' }).click();
    const zh = page.getByRole('dialog', { name: '记录客户互动' });
    await zh.getByRole('combobox', { name: /^渠道/ }).selectOption({ label: '微信' });
    await zh.getByRole('textbox', { name: /^摘要/ }).fill('微信发送理财产品说明书');
    await screenshot(page, '73-log-interaction-zh-CN');
    await zh.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('region', { name: '时间线' }).getByRole('listitem').filter({ hasText: '微信发送理财产品说明书' }).count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, '74-timeline-logged-zh-CN');
    await language(page, 'English');
    // The server has both, on this customer, as hers.
    const logged = (await wang('POST', '/api/records/interaction/query', { filter: { field: 'customer', op: 'eq', value: customer }, fields: ['summary', 'channel'], limit: 50 })).body as { items: { summary: string; channel: string }[] };
    expect(logged.items.filter((i) => ['电话沟通大额存单到期续存', '微信发送理财产品说明书'].includes(i.summary)).map((i) => i.channel).sort()).toEqual(['phone', 'wechat']);
    expect(pageErrors).toEqual([]);
  });

  it('stacks on a phone: one column, nothing wider than the screen, the timeline before the details', async () => {
    const page = await signIn({ width: 390, height: 844 }, true);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.getByRole('listitem').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 2, name: 'Details' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // One column: the cards share their left edge, the timeline comes after the related lists and before the details.
    const left = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox())!.x;
    const lists = page.getByRole('region', { name: 'Related records' }).getByRole('region');
    expect(await left(lists.first())).toBe(await left(lists.last()));
    const top = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox())!.y;
    expect(await top(timeline)).toBeGreaterThan(await top(lists.last()));
    expect(await top(page.getByRole('heading', { level: 2, name: 'Details' }))).toBeGreaterThan(await top(timeline));
    await screenshot(page, '76-phone-360-en');
    await language(page, '中文');
    await page.getByRole('heading', { level: 2, name: '详细资料' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, '77-phone-360-zh-CN');
    expect(pageErrors).toEqual([]);
  });
});
