import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors, signInAt } from '../harness/browser.js';
import { startServer, type RunningServer } from '../harness/server.js';

type Found = { items: { id: string; name: string; tags?: string[] | null }[]; total?: number };
type TagOption = { value: string; label: { en: string; 'zh-CN': string }; color?: string };

/**
 * Issue 21, tags and segments: 王芳 (an RM of Shanghai SH001) filters her customers by a tag, sees
 * the tags as coloured chips, and saves the filter as a segment shared with her branch; 李强, an
 * RM of the same branch, finds it in his segment picker and applies it, in Chinese, to his own
 * book: the segment is only a filter, run in his scope.
 */
describe('an RM shares a tag filter with her branch as a segment', () => {
  let server: RunningServer;
  let browser: Browser;
  let wang: Api;
  let li: Api;
  const pageErrors: string[][] = [];
  /** The tag the story filters by: one both RMs' books carry (the seed draws tags by chance). */
  let tag: TagOption;
  let byTag: { and: { field: string; op: string; value: string }[] };

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    wang = await apiAsOn(server.url, 'wang_fang', DEMO_PASSWORD);
    li = await apiAsOn(server.url, 'li_qiang', DEMO_PASSWORD);
    browser = await launchBrowser();
    const entity = (await wang('GET', '/api/runtime/entities/customer')).body as { entity: { fields: { key: string; options?: TagOption[] }[] } };
    const options = entity.entity.fields.find((f) => f.key === 'tags')!.options!;
    const counts = async (api: Api) => {
      const found = (await api('POST', '/api/records/customer/query', { fields: ['tags'], limit: 500 })).body as unknown as Found;
      const n = new Map<string, number>();
      for (const c of found.items) for (const t of c.tags ?? []) n.set(t, (n.get(t) ?? 0) + 1);
      return n;
    };
    const [hers, his] = [await counts(wang), await counts(li)];
    tag = options.filter((o) => (hers.get(o.value) ?? 0) > 0 && (his.get(o.value) ?? 0) > 0).sort((a, b) => hers.get(b.value)! - hers.get(a.value)!)[0]!;
    expect(tag, 'a tag both books carry').toBeDefined();
    expect(tag.color).toBeDefined();
    byTag = { and: [{ field: 'tags', op: 'contains', value: tag.value }] };
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A browser of one's own, signed in on the customer list. */
  const signedIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors.push(watchForPageErrors(page));
    await signInAt(page, `${server.url}/bank_crm/customer`, username, DEMO_PASSWORD);
    await page.getByRole('table').waitFor();
    return page;
  };

  /** Shows the tags column (the list opens with its first six). */
  const showTags = async (page: Page, columns: string, tags: string) => {
    await page.getByRole('button', { name: columns }).click();
    await page.getByRole('checkbox', { name: tags }).check();
    await page.getByRole('button', { name: columns }).click();
  };

  it('王芳 filters by a tag, sees the chips, and saves the filter as a segment for her branch', async () => {
    const hers = (await wang('POST', '/api/records/customer/query', { filter: byTag, count: true, fields: ['name', 'tags'] })).body as unknown as Found;
    expect(hers.total).toBeGreaterThan(0);

    const page = await signedIn('wang_fang');
    await showTags(page, 'Columns', 'Tags');
    await page.getByRole('combobox', { name: 'Filter Tags' }).selectOption(tag.value);
    await expect.poll(() => page.getByText(`${hers.total} record`, { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const table = page.getByRole('table');
    // Each row's tags as chips; the filtered one in its colour in every row.
    const chips = table.locator(`tbody .bf-tag-${tag.color}`, { hasText: tag.label.en });
    await expect.poll(() => chips.count()).toBe(Math.min(hers.total!, 25));
    // The chosen tag beside the filter, as its chip.
    expect(await page.locator(`.filter-tag .bf-tag-${tag.color}`).textContent()).toBe(tag.label.en);
    await screenshot(page, '90-segments-tag-filter-en');

    await page.getByRole('button', { name: 'Save as segment' }).click();
    const form = page.getByRole('dialog', { name: 'Save the current filter as a segment' });
    await page.keyboard.type(`${tag.label.en} (Shanghai)`);
    await form.getByRole('radio', { name: 'My branch' }).check();
    await screenshot(page, '91-segments-save-en');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Segment “${tag.label.en} (Shanghai)” saved.` }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Segment', exact: true }).inputValue()).not.toBe('');
    expect(pageErrors.flat()).toEqual([]);
  });

  it('李强 of the same branch applies it, in Chinese, to his own book', async () => {
    const his = (await li('POST', '/api/records/customer/query', { filter: byTag, count: true, fields: ['name'] })).body as unknown as Found;
    const page = await signedIn('li_qiang');
    await page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name: '中文', exact: true }).click();
    await showTags(page, '显示列', '客户标签');
    const picker = page.getByRole('combobox', { name: '分群', exact: true });
    await expect.poll(() => picker.locator('option', { hasText: `${tag.label.en} (Shanghai) · wang_fang 共享` }).count()).toBe(1);
    await screenshot(page, '92-segments-picker-zh');
    await picker.selectOption({ label: `${tag.label.en} (Shanghai) · wang_fang 共享` });
    await expect.poll(() => page.getByRole('status').filter({ hasText: `已应用分群“${tag.label.en} (Shanghai)”` }).count()).toBe(1);
    // His own customers with the tag, no more: the segment ran as his query.
    await expect.poll(() => page.getByText(`共 ${his.total} 条记录`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('combobox', { name: /客户标签/ }).inputValue()).toBe(tag.value);
    const chips = page.getByRole('table').locator(`tbody .bf-tag-${tag.color}`, { hasText: tag.label['zh-CN'] });
    await expect.poll(() => chips.count()).toBe(Math.min(his.total!, 25));
    // Row by row his (by customer number, the first column), none of 王芳's.
    const numbers = async (api: Api) => new Set(((await api('POST', '/api/records/customer/query', { filter: byTag, fields: ['customer_no'], limit: 500 })).body as unknown as { items: { customer_no: string }[] }).items.map((c) => c.customer_no));
    const [hisNumbers, herNumbers] = [await numbers(li), await numbers(wang)];
    const firstCells = await page.getByRole('table').locator('tbody tr td:first-child').allTextContents();
    expect(firstCells.length).toBe(Math.min(his.total!, 25));
    expect(firstCells.every((no) => hisNumbers.has(no.trim()) && !herNumbers.has(no.trim()))).toBe(true);
    await screenshot(page, '93-segments-applied-zh');
    // Shared with him, not his: he may apply it but not delete it.
    expect(await page.getByRole('button', { name: '删除分群' }).count()).toBe(0);
    expect(pageErrors.flat()).toEqual([]);
  });
});
