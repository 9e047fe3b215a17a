import { FIELD_TYPES, type EntityDefinition, type FieldDefinition } from '@bankforge/data-model';
import { customerEntity } from '@bankforge/data-model/testing';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, type FakeHandler, type FakeResponse, problem, type RecordedRequest, renderPage } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../shell/testing/i18n.js';
import EntityDesigner from './EntityDesigner.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const DRAFT = 'GET /api/artifacts/entity/customer';
const SAVE = 'PUT /api/artifacts/entity/customer';
const PLAN = 'POST /api/artifacts/entity/customer/plan';
const PUBLISH = 'POST /api/artifacts/entity/customer/publish';

/** The shared customer with only these fields (none: a new entity). */
const customer = (fields: FieldDefinition[] = []): EntityDefinition => ({ ...customerEntity, fields });
const text = (id: string, key: string): FieldDefinition => ({ id, key, type: 'text', label: { en: key, 'zh-CN': key } });

/** A server that keeps the saved draft, so a test can read what the designer sent. */
function openDesigner(document: EntityDefinition, routes: Record<string, FakeHandler | FakeResponse> = {}) {
  let revision = 1;
  const server = fakeApi({
    [DRAFT]: { body: { document, revision, latestVersion: null } },
    'GET /api/artifacts/entity': { body: [{ kind: 'entity', key: 'branch', title: 'Branch', revision: 1, latestVersion: 1, state: 'published', updatedAt: '' }] },
    [SAVE]: (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    ...routes,
  });
  renderPage(<EntityDesigner />, server.client, { path: '/entity/customer', pattern: '/entity/:key' });
  return { server, user: userEvent.setup() };
}

type User = ReturnType<typeof userEvent.setup>;

/** Replaces a box's text in one input event (typing key by key re-renders the designer per key, slow in jsdom). */
async function fill(user: User, box: HTMLElement, value: string) {
  await user.clear(box);
  if (value !== '') await user.paste(value);
}

const saved = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT').at(-1)!.body as EntityDefinition;

async function addField(user: User, type: string, key: string) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Field type' }), type);
  await user.click(screen.getByRole('button', { name: 'Add field' }));
  const keyBox = screen.getByRole('textbox', { name: 'Key' });
  // The new field is selected with the cursor in its key, ready to be named.
  expect(document.activeElement).toBe(keyBox);
  await fill(user, keyBox, key);
}

describe('EntityDesigner', () => {
  it('adds a field of every type, each with a stable f_ id, and saves them', async () => {
    const { server, user } = openDesigner(customer());
    await screen.findByRole('heading', { name: 'Entity: Customer' });
    for (const type of FIELD_TYPES) await addField(user, type, `${type.toLowerCase()}_field`);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    const fields = saved(server.requests).fields;
    expect(fields.map((f) => f.type)).toEqual([...FIELD_TYPES]);
    expect(fields.map((f) => f.key)).toEqual(FIELD_TYPES.map((t) => `${t.toLowerCase()}_field`));
    expect(new Set(fields.map((f) => f.id)).size).toBe(FIELD_TYPES.length);
    for (const field of fields) expect(field.id).toMatch(/^f_[a-z0-9]{10}$/);
    expect(fields.find((f) => f.type === 'singleSelect')!.options).toEqual([]);
  }, 20_000);

  it('edits the options of a select field: add, label in both languages, reorder, remove', async () => {
    const { server, user } = openDesigner(customer());
    await screen.findByRole('heading', { name: 'Entity: Customer' });
    await addField(user, 'singleSelect', 'occupation');
    await fill(user, screen.getByRole('textbox', { name: 'Label (English)' }), 'Occupation');
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    const option = async (n: number, value: string, en: string, zh: string) => {
      await fill(user, screen.getByRole('textbox', { name: `Option ${n} value` }), value);
      await fill(user, screen.getByRole('textbox', { name: `Option ${n} English text` }), en);
      await fill(user, screen.getByRole('textbox', { name: `Option ${n} Chinese text` }), zh);
    };
    await option(1, 'employed', 'Employed', '在职');
    await option(2, 'retired', 'Retired', '退休');
    await option(3, 'student', 'Student', '学生');
    await user.click(screen.getByRole('button', { name: 'Move option 3 up' }));
    await user.click(screen.getByRole('button', { name: 'Remove option 1' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Default value' }), 'retired');
    await user.click(screen.getByRole('checkbox', { name: 'Required' }));
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests).fields[0]).toMatchObject({
      key: 'occupation',
      type: 'singleSelect',
      label: { en: 'Occupation' },
      required: true,
      default: 'retired',
      options: [
        { value: 'student', label: { en: 'Student', 'zh-CN': '学生' } },
        { value: 'retired', label: { en: 'Retired', 'zh-CN': '退休' } },
      ],
    });
  });

  it('shows a multi-select as tags, each option in a colour picked from the palette', async () => {
    const { server, user } = openDesigner(customer());
    await screen.findByRole('heading', { name: 'Entity: Customer' });
    await addField(user, 'multiSelect', 'tags');
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    expect(screen.queryByRole('combobox', { name: 'Option 1 colour' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Show as tags' }));
    const colour = screen.getByRole('combobox', { name: 'Option 1 colour' });
    expect(Array.from((colour as HTMLSelectElement).options, (o) => o.text)).toContain('Purple');
    await user.selectOptions(colour, 'red');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Option 2 colour' }), 'grey');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    const [tags] = saved(server.requests).fields;
    expect(tags).toMatchObject({ key: 'tags', display: 'tags' });
    expect(tags!.options![0]!.color).toBe('red');
    // Grey is the colour without one.
    expect(tags!.options![1]).not.toHaveProperty('color');
  });

  it('offers the options of each type: lengths and pattern for text, precision and currencies for money, the target of a reference', async () => {
    const { server, user } = openDesigner(customer());
    await screen.findByRole('heading', { name: 'Entity: Customer' });
    await addField(user, 'text', 'full_name');
    expect(screen.queryByRole('spinbutton', { name: 'Precision (total digits)' })).toBeNull();
    await user.type(screen.getByRole('spinbutton', { name: 'Maximum length' }), '80');
    await user.type(screen.getByRole('textbox', { name: 'Pattern (regular expression)' }), '^\\S');
    await user.click(screen.getByRole('checkbox', { name: 'Sensitive (personal data)' }));
    await addField(user, 'money', 'aum');
    expect(screen.queryByRole('textbox', { name: 'Pattern (regular expression)' })).toBeNull();
    await user.type(screen.getByRole('spinbutton', { name: 'Precision (total digits)' }), '18');
    await user.type(screen.getByRole('spinbutton', { name: 'Scale (digits after the point)' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Minimum' }), '0');
    await user.type(screen.getByRole('textbox', { name: 'Currencies' }), 'cny, usd');
    await user.type(screen.getByRole('textbox', { name: 'Default amount' }), '0.00');
    await user.type(screen.getByRole('textbox', { name: 'Default currency' }), 'cny');
    await addField(user, 'reference', 'home_branch');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Referenced entity' }), 'branch');
    await addField(user, 'integer', 'age');
    await user.type(screen.getByRole('spinbutton', { name: 'Maximum' }), '150');
    // An age is read from a birth date: whoever sees the name masked sees it masked too (here, the only text field).
    const derived = screen.getByRole('combobox', { name: 'Derived from' });
    expect([...(derived as HTMLSelectElement).options].map((o) => o.value)).not.toContain('age');
    await user.selectOptions(derived, 'full_name');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    const [name, aum, branch, age] = saved(server.requests).fields;
    expect(name).toMatchObject({ maxLength: 80, pattern: '^\\S', sensitive: true });
    expect(aum).toMatchObject({ precision: 18, scale: 2, min: '0', currencies: ['CNY', 'USD'], default: { amount: '0.00', currency: 'CNY' } });
    expect(branch).toMatchObject({ reference: { entity: 'branch' } });
    expect(age).toMatchObject({ max: 150, derivedFrom: 'full_name' });
  });

  it('reorders and deletes fields with buttons, keeping ids when a key is renamed', async () => {
    const { server, user } = openDesigner(customer([text('f_a', 'first'), text('f_b', 'second'), text('f_c', 'third')]));
    await user.click(await screen.findByRole('button', { name: 'Move third up' }));
    await user.click(screen.getByRole('button', { name: 'Delete first' }));
    expect(await screen.findByText('Field first deleted')).toBeTruthy();
    // Focus moves to the field that took the deleted one's place.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit third' }));
    await user.click(screen.getByRole('button', { name: 'Edit second' }));
    await fill(user, screen.getByRole('textbox', { name: 'Key' }), 'renamed');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests).fields.map((f) => [f.id, f.key])).toEqual([
      ['f_c', 'third'],
      ['f_b', 'renamed'],
    ]);
  });

  it('undoes with Ctrl+Z outside text boxes, and a whole typed word at once', async () => {
    const { user } = openDesigner(customer([text('f_a', 'first')]));
    await user.click(await screen.findByRole('button', { name: 'Edit first' }));
    await user.type(screen.getByRole('textbox', { name: 'Label (English)' }), 'abc');
    await user.click(screen.getByRole('checkbox', { name: 'Required' }));
    await user.keyboard('{Control>}z{/Control}');
    expect((screen.getByRole('checkbox', { name: 'Required' }) as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect((screen.getByRole('textbox', { name: 'Label (English)' }) as HTMLInputElement).value).toBe('first');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect((screen.getByRole('textbox', { name: 'Label (English)' }) as HTMLInputElement).value).toBe('firstabc');
  });

  it('shows the server’s problems next to the field they address', async () => {
    const errors = [
      { path: '/fields/1/options', code: 'optionsRequired', message: 'a singleSelect field needs at least one option', messageZh: 'singleSelect 类型的字段至少需要一个选项' },
      { path: '/fields/0/key', code: 'reservedKey', message: 'the key "id" is reserved for a system column', messageZh: '键 "id" 是系统字段保留的名称' },
    ];
    const { user } = openDesigner(customer([text('f_a', 'id'), { id: 'f_b', key: 'kind', type: 'singleSelect', label: { en: 'Kind', 'zh-CN': '类型' }, options: [] }]), {
      [SAVE]: problem(422, 'invalidArtifact', { errors }),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit kind' }));
    await user.click(screen.getByRole('checkbox', { name: 'Required' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('2 problems to fix before saving')).toBeTruthy();
    const panel = screen.getByRole('region', { name: 'Field properties' });
    expect(within(panel).getByText('a singleSelect field needs at least one option')).toBeTruthy();
    expect(within(screen.getByTestId('field-row-id')).getByText('1 problem')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit id' }));
    const key = within(panel).getByRole('textbox', { name: 'Key' });
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(within(panel).getByText('the key "id" is reserved for a system column')).toBeTruthy();
  });

  it('edits the entity’s own properties; its key is fixed', async () => {
    const { server, user } = openDesigner(customer());
    await user.click(await screen.findByRole('tab', { name: 'Entity properties' }));
    expect(screen.queryByRole('textbox', { name: 'Key' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Plural label (English)' }), 'Customers');
    await user.type(screen.getByRole('textbox', { name: 'Plural label (Chinese)' }), '客户');
    await user.type(screen.getByRole('textbox', { name: 'Consent purposes' }), 'marketing, profiling');
    await fill(user, screen.getByRole('textbox', { name: 'Title' }), 'Retail customer');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests)).toMatchObject({ key: 'customer', title: 'Retail customer', pluralLabel: { en: 'Customers', 'zh-CN': '客户' }, consentPurposes: ['marketing', 'profiling'] });
  });
});

describe('in Chinese', () => {
  afterEach(() => initTestI18n('en'));

  it('labels every control in Simplified Chinese', async () => {
    await initTestI18n('zh-CN');
    const { user } = openDesigner(customer([text('f_a', 'first')]));
    await user.click(await screen.findByRole('button', { name: '编辑 first' }));
    expect(screen.getByRole('combobox', { name: '字段类型' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '添加字段' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '名称（中文）' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '必填' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '发布' })).toBeTruthy();
  });
});

describe('publishing an entity', () => {
  const plan = (lossy: unknown[]) => ({
    body: { entity: 'customer', fromVersion: 1, toVersion: 2, steps: [], lossy, summary: ['Add column employer (varchar 255)', 'Drop column nickname (kept in a backup table)'] },
  });
  const published = { body: { kind: 'entity', key: 'customer', version: 2, unchanged: false } };

  it('shows the migration plan and publishes on a plain confirm when nothing is lost', async () => {
    const { server, user } = openDesigner(customer([text('f_a', 'first')]), { [PLAN]: plan([]), [PUBLISH]: published });
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish Customer' });
    expect(await within(dialog).findByText('Add column employer (varchar 255)')).toBeTruthy();
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Published version 2')).toBeTruthy();
    expect(server.requests.at(-1)!.body).toEqual({});
  });

  it('saves unsaved edits before planning', async () => {
    const { server, user } = openDesigner(customer([text('f_a', 'first')]), { [PLAN]: plan([]), [PUBLISH]: published });
    await user.click(await screen.findByRole('button', { name: 'Edit first' }));
    await user.click(screen.getByRole('checkbox', { name: 'Required' }));
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByRole('dialog', { name: 'Publish Customer' });
    await waitFor(() => expect(server.requests.map((r) => `${r.method} ${r.url}`)).toContain(PLAN));
    const calls = server.requests.map((r) => `${r.method} ${r.url}`);
    expect(calls.indexOf(SAVE)).toBeLessThan(calls.indexOf(PLAN));
  });

  it('requires an explicit acceptance of data loss and publishes with confirm: data-loss', async () => {
    const lossy = [{ fieldId: 'f_n', key: 'nickname', change: 'drop', detail: 'the column and its values are removed' }];
    const { server, user } = openDesigner(customer([text('f_a', 'first')]), { [PLAN]: plan(lossy), [PUBLISH]: published });
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish Customer' });
    expect(await within(dialog).findByText('Data will be lost')).toBeTruthy();
    expect(within(dialog).getByText('nickname')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Publish and accept data loss' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(server.requests.some((r) => r.url.endsWith('/publish'))).toBe(false);
    await user.click(within(dialog).getByRole('checkbox', { name: 'I understand that existing data in these fields will be lost' }));
    expect(confirm.disabled).toBe(false);
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const publish = server.requests.find((r) => r.url.endsWith('/publish'))!;
    expect(publish.body).toEqual({ confirm: 'data-loss' });
  });

  it('keeps the dialog open with the reason when publishing is refused', async () => {
    const { user } = openDesigner(customer([text('f_a', 'first')]), {
      [PLAN]: plan([]),
      [PUBLISH]: problem(422, 'invalidArtifact', { errors: [{ path: '/fields/0/key', code: 'reservedKey', message: 'the key is reserved' }] }),
    });
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish Customer' });
    await user.click(await within(dialog).findByRole('button', { name: 'Publish' }));
    expect(await within(dialog).findByText('the key is reserved')).toBeTruthy();
  });
});
