import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

/**
 * The first end-to-end slice (issue 7), as an analyst and a relationship manager live it: a
 * Customer entity drawn in the data-model designer, a two-column form with a conditional field
 * dragged together in the form designer, an app of them composed in the app designer, all
 * published, then used in the runtime.
 */
describe('an analyst designs a customer form and a relationship manager uses it minutes later', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    page.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  interface FieldSpec {
    type: string;
    key: string;
    en: string;
    zh: string;
    required?: boolean;
    options?: [string, string, string][];
  }

  async function addField(spec: FieldSpec): Promise<void> {
    await page.getByRole('combobox', { name: 'Field type' }).selectOption(spec.type);
    await page.getByRole('button', { name: 'Add field' }).click();
    const properties = page.getByRole('region', { name: 'Field properties' });
    await properties.getByRole('textbox', { name: 'Key' }).fill(spec.key);
    await properties.getByRole('textbox', { name: 'Label (English)' }).fill(spec.en);
    await properties.getByRole('textbox', { name: 'Label (Chinese)' }).fill(spec.zh);
    if (spec.required) await properties.getByRole('checkbox', { name: 'Required' }).check();
    for (const [index, [value, en, zh]] of (spec.options ?? []).entries()) {
      await properties.getByRole('button', { name: 'Add option' }).click();
      await properties.getByRole('textbox', { name: `Option ${index + 1} value` }).fill(value);
      await properties.getByRole('textbox', { name: `Option ${index + 1} English text` }).fill(en);
      await properties.getByRole('textbox', { name: `Option ${index + 1} Chinese text` }).fill(zh);
    }
  }

  /** A mouse drag, moved in small steps so dnd-kit's pointer sensor sees a drag start and the targets it crosses. */
  async function drag(source: Locator, target: Locator): Promise<void> {
    const from = (await source.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 2, { steps: 2 });
    await page.mouse.up();
  }

  it('signs in through the runtime login page and lands back in the designer', async () => {
    await page.goto(`${server.url}/designer/`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/designer\/?$/);
    await expect.poll(() => page.getByRole('button', { name: 'New entity' }).isVisible()).toBe(true);
    await screenshot(page, '01-designer-artifacts');
  });

  it('creates a Customer entity with nine field types in the data-model designer and publishes it', async () => {
    await page.getByRole('button', { name: 'New entity' }).click();
    await page.getByRole('textbox', { name: 'Key' }).fill('customer');
    await page.getByRole('textbox', { name: 'Title' }).fill('Customer');
    await page.getByRole('textbox', { name: 'Name in Chinese' }).fill('客户');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/designer\/entity\/customer$/);
    const fields: FieldSpec[] = [
      { type: 'text', key: 'name', en: 'Name', zh: '姓名', required: true },
      { type: 'singleSelect', key: 'occupation', en: 'Occupation', zh: '职业', options: [['employed', 'Employed', '在职'], ['retired', 'Retired', '退休']] },
      { type: 'text', key: 'employer', en: 'Employer', zh: '工作单位' },
      { type: 'residentId', key: 'resident_id', en: 'Resident ID', zh: '身份证号' },
      { type: 'mobile', key: 'mobile', en: 'Mobile', zh: '手机号' },
      { type: 'email', key: 'email', en: 'Email', zh: '电子邮箱' },
      { type: 'date', key: 'birth_date', en: 'Date of birth', zh: '出生日期' },
      { type: 'money', key: 'annual_income', en: 'Annual income', zh: '年收入' },
      { type: 'integer', key: 'credit_score', en: 'Credit score', zh: '信用评分' },
      { type: 'boolean', key: 'vip', en: 'VIP', zh: '贵宾' },
    ];
    for (const spec of fields) await addField(spec);
    await expect.poll(() => page.getByRole('list', { name: 'Fields' }).getByRole('listitem').count()).toBe(fields.length);
    await screenshot(page, '02-entity-designer');

    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Create the table for customer with 10 fields').isVisible()).toBe(true);
    await screenshot(page, '03-entity-migration-plan');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByText('Published version 1').isVisible()).toBe(true);
  });

  it('drags the fields into a two-column section with a conditional Employer field, and publishes the form', async () => {
    await page.goto(`${server.url}/designer/`);
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByRole('textbox', { name: 'Key' }).fill('customer_form');
    await page.getByRole('textbox', { name: 'Title' }).fill('Customer');
    await page.getByRole('textbox', { name: 'Name in Chinese' }).fill('客户');
    await page.getByRole('combobox', { name: 'Entity' }).selectOption('customer');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/designer\/form\/customer_form/);

    const palette = page.getByRole('complementary', { name: 'Palette' });
    const canvas = page.getByRole('region', { name: 'Canvas' });
    const properties = page.getByRole('complementary', { name: 'Properties' });
    await expect.poll(() => palette.getByRole('button', { name: 'Employer' }).isVisible()).toBe(true);

    const isDefault = properties.getByRole('checkbox', { name: /Default form/ });
    if (!(await isDefault.isChecked())) await isDefault.check();

    // A section, then two columns inside it: the palette adds to the selected container by keyboard.
    if ((await canvas.getByRole('button', { name: /Details|Section/ }).count()) === 0) {
      await palette.getByRole('button', { name: 'Section' }).press('Enter');
    }
    await canvas.getByRole('button', { name: /Details|Section/ }).first().click();
    await palette.getByRole('button', { name: 'Two columns' }).press('Enter');
    const left = canvas.getByRole('button', { name: 'Column 1' });
    const right = canvas.getByRole('button', { name: 'Column 2' });
    await expect.poll(() => right.isVisible()).toBe(true);

    for (const label of ['Name', 'Occupation', 'Employer', 'Resident ID', 'Date of birth']) await drag(palette.getByRole('button', { name: label, exact: true }), left);
    for (const label of ['Mobile', 'Email', 'Annual income', 'Credit score', 'VIP']) await drag(palette.getByRole('button', { name: label, exact: true }), right);
    await screenshot(page, '04-form-designer-dragged');
    for (const label of ['Name', 'Occupation', 'Employer', 'Resident ID', 'Mobile', 'VIP']) {
      await expect.poll(() => canvas.getByRole('button', { name: label, exact: true }).count(), { message: `${label} on the canvas` }).toBe(1);
    }

    await canvas.getByRole('button', { name: 'Employer', exact: true }).click();
    // Monaco (or its plain fallback while it loads) is labelled like any input; typing goes to the focused
    // editor. The analyst types at once, slowly, so the swap to Monaco falls in the middle: no key is lost.
    await properties.getByLabel('Visible when').first().focus();
    await page.keyboard.type('occupation = "employed"', { delay: 40 });
    await properties.locator('.monaco-editor').first().waitFor();
    await screenshot(page, '05-form-designer-rule');

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('main');
    await expect.poll(() => preview.getByLabel('Occupation').count()).toBeGreaterThan(0);
    expect(await preview.getByLabel('Employer', { exact: true }).count()).toBe(0);
    await screenshot(page, '06-form-preview');
    await page.getByRole('button', { name: 'Design' }).click();

    await page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Publish' }).click();
    const confirm = page.getByRole('dialog');
    if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByText('Published version 1').isVisible()).toBe(true);
  });

  it('composes an app of the customer pages and its form in the app designer, and publishes it', async () => {
    await page.goto(`${server.url}/designer/`);
    await page.getByRole('button', { name: 'New app' }).click();
    await page.getByRole('textbox', { name: 'Key' }).fill('retail');
    await page.getByRole('textbox', { name: 'Title' }).fill('Retail banking');
    await page.getByRole('textbox', { name: 'Name in Chinese' }).fill('零售银行');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/designer\/app\/retail$/);
    const artifact = page.getByRole('combobox', { name: 'Artifact' });
    await expect.poll(() => artifact.locator('option[value="customer"]').count()).toBe(1);
    await artifact.selectOption('customer');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('form');
    await artifact.selectOption('customer_form');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const contents = page.getByRole('list', { name: 'Pages and contents, in menu order' });
    await expect.poll(() => contents.getByRole('listitem').count()).toBe(2);
    await screenshot(page, '07-app-designer');

    await page.getByRole('tab', { name: 'App', exact: true }).click();
    expect(await page.getByRole('textbox', { name: 'Name in the runtime (Chinese)' }).inputValue()).toBe('零售银行');
    await page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByText('Published version 1').isVisible()).toBe(true);
  });

  it('creates a customer in the runtime: a wrong resident ID is refused inline, corrected, saved, and found in the list by a filter', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Customer', exact: true }).first().click();
    await page.getByRole('button', { name: 'New' }).click();
    // A required field's accessible name carries its marker ("Name *"): match by the start of the label.
    await page.getByLabel(/^Name/).fill('王小明');
    expect(await page.getByLabel(/^Employer/).count()).toBe(0);
    await page.getByLabel(/^Occupation/).selectOption('employed');
    await page.getByLabel(/^Employer/).fill('上海浦江科技有限公司');
    const residentId = page.getByLabel(/^Resident ID/);
    await residentId.fill('110105194912310021');
    await residentId.blur();
    await expect.poll(() => residentId.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Resident ID has a wrong check character').isVisible()).toBe(true);
    await screenshot(page, '08-runtime-wrong-resident-id');

    await residentId.fill('11010519491231002X');
    await residentId.blur();
    await expect.poll(() => residentId.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByLabel(/^Mobile/).fill('13812345678');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Saved').first().isVisible()).toBe(true);
    await screenshot(page, '09-runtime-saved');

    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.getByLabel('Filter Name').fill('王小明');
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').filter({ hasText: '王小明' }).count()).toBe(1);
    await expect.poll(() => table.getByRole('row').filter({ hasText: '上海浦江科技有限公司' }).count()).toBe(1);
    await screenshot(page, '10-runtime-list-filtered');
    expect(pageErrors).toEqual([]);
  });
});
