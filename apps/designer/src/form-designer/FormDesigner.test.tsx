import type { EntityDefinition } from '@bankforge/data-model';
import { contactEntity, customerEntity, customerField } from '@bankforge/data-model/testing';
import type { FormDefinition } from '@bankforge/form-engine';
import { contactsGroup, customerFormOf } from '@bankforge/form-engine/testing';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, type FakeHandler, type FakeResponse, type RecordedRequest } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../shell/testing/i18n.js';
import { FeelEditorModeContext } from './feel-editor/FeelEditor.js';
import FormDesigner from './FormDesigner.js';

/** Three fields of the shared customer, its name labelled plainly "Name" (a test gives it the label "Full name" on the form). */
const customer: EntityDefinition = {
  ...customerEntity,
  fields: [customerField('name', { label: { en: 'Name', 'zh-CN': '姓名' } }), customerField('occupation'), customerField('employer')],
};

function storedForm(): FormDefinition {
  return customerFormOf(
    [{ id: 'section_1', type: 'section', title: { en: 'Basic information', 'zh-CN': '基本信息' }, children: [{ id: 'name', type: 'field', field: 'name' }] }],
    { validations: [] },
  );
}

const saved: FakeHandler = (request) => ({ body: { document: request.body, revision: 2, latestVersion: null } });

function renderDesigner(routes: Record<string, FakeHandler | FakeResponse> = {}, url = '/form/customer_form') {
  const fake = fakeApi({
    'GET /api/artifacts/form/customer_form': { body: { document: storedForm(), revision: 1, latestVersion: null } },
    'GET /api/artifacts/entity/customer': { body: { document: customer, revision: 3, latestVersion: 1 } },
    'GET /api/artifacts/entity': { body: [] },
    'PUT /api/artifacts/form/customer_form': saved,
    ...routes,
  });
  render(
    <ApiClientProvider client={fake.client}>
      <FeelEditorModeContext.Provider value="plain">
        <RouterProvider router={createMemoryRouter([{ path: 'form/:key', element: <FormDesigner /> }], { initialEntries: [url] })} />
      </FeelEditorModeContext.Provider>
    </ApiClientProvider>,
  );
  return fake;
}

const palette = () => within(screen.getByRole('complementary', { name: 'Palette' }));
const canvas = () => within(screen.getByRole('region', { name: 'Canvas' }));
/** Waits for the draft and the entity's fields. */
async function loaded() {
  await screen.findByRole('region', { name: 'Canvas' });
  await palette().findByRole('button', { name: 'Employer' });
}
const savedDocument = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT').at(-1)?.body as FormDefinition | undefined;

/** Focuses an element and presses keys, as a keyboard user does. */
async function press(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, keys: string) {
  act(() => element.focus());
  await user.keyboard(keys);
}

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('FormDesigner', () => {
  it('adds a two-column layout and a field into its first column with the keyboard only', async () => {
    const user = userEvent.setup();
    const { requests } = renderDesigner();
    await loaded();
    await press(user, canvas().getByRole('button', { name: 'Basic information' }), '{Enter}');
    await press(user, palette().getByRole('button', { name: 'Two columns' }), '{Enter}');
    await press(user, palette().getByRole('button', { name: 'Employer' }), '{Enter}');

    expect(canvas().getByRole('button', { name: 'Employer' })).toBeTruthy();
    expect(palette().getByRole('status').textContent).toBe('Employer added to Column 1.');
    expect(palette().getByRole('button', { name: 'Employer' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const document = savedDocument(requests)!;
    expect(document.layout[0]).toMatchObject({
      id: 'section_1',
      children: [
        { id: 'name' },
        { type: 'columns', columns: [{ children: [{ type: 'field', field: 'employer' }] }, { children: [] }] },
      ],
    });
  });

  it('moves the selected node with Move up and deletes it with the Delete key', async () => {
    const user = userEvent.setup();
    renderDesigner();
    await loaded();
    await press(user, canvas().getByRole('button', { name: 'Basic information' }), '{Enter}');
    await press(user, palette().getByRole('button', { name: 'Employer' }), '{Enter}');
    await user.click(canvas().getByRole('button', { name: 'Move up' }));
    const order = () => canvas().getAllByRole('button', { name: /^(Name|Employer)$/ }).map((b) => b.getAttribute('aria-label'));
    expect(order()).toEqual(['Employer', 'Name']);

    await press(user, canvas().getByRole('button', { name: 'Employer' }), '{Delete}');
    expect(canvas().queryByRole('button', { name: 'Employer' })).toBeNull();
    // The keyboard user stays in place: the section that held the field takes the focus.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Basic information'));
    expect(palette().getByRole('button', { name: 'Employer' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('edits a visibleWhen expression of the selected field and saves it', async () => {
    const user = userEvent.setup();
    const { requests } = renderDesigner();
    await loaded();
    await user.click(canvas().getByRole('button', { name: 'Name' }));
    await user.type(screen.getByRole('textbox', { name: 'Visible when' }), 'occupation = "employed"');
    expect(screen.queryByText(/Syntax error/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const field = (savedDocument(requests)!.layout[0] as Extract<FormDefinition['layout'][number], { type: 'section' }>).children[0];
    expect(field).toEqual({ id: 'name', type: 'field', field: 'name', visibleWhen: 'occupation = "employed"' });
  });

  it("edits a repeating group's column: its help and a rule over the row (item), from the canvas by keyboard", async () => {
    const user = userEvent.setup();
    const contact: EntityDefinition = {
      ...contactEntity,
      fields: [
        { id: 'c1', key: 'customer', type: 'reference', label: { en: 'Customer', 'zh-CN': '客户' }, reference: { entity: 'customer' } },
        { id: 'c2', key: 'contact_name', type: 'text', label: { en: 'Contact name', 'zh-CN': '联系人姓名' } },
        { id: 'c3', key: 'phone', type: 'text', label: { en: 'Phone', 'zh-CN': '电话' } },
      ],
    };
    const form = storedForm();
    form.layout.push(
      contactsGroup(
        [
          { id: 'cell_1', type: 'field', field: 'contact_name' },
          { id: 'cell_2', type: 'field', field: 'phone' },
        ],
        { id: 'group_1' },
      ),
    );
    const { requests } = renderDesigner({
      'GET /api/artifacts/form/customer_form': { body: { document: form, revision: 1, latestVersion: null } },
      'GET /api/artifacts/entity/contact': { body: { document: contact, revision: 1, latestVersion: 1 } },
    });
    await loaded();
    await press(user, await canvas().findByRole('button', { name: 'Phone' }), '{Enter}');
    expect(screen.getByRole('heading', { name: /Contacts › Phone/ })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Help (English)' }), 'Mainland mobile or landline');
    await user.type(screen.getByRole('textbox', { name: 'Required when' }), 'item.contact_name != null');
    // The row is in scope as item: no unknown-name error.
    expect(screen.queryByText(/is not a field of this entity/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const group = savedDocument(requests)!.layout[1] as Extract<FormDefinition['layout'][number], { type: 'repeatingGroup' }>;
    expect(group.fields[1]).toEqual({ id: 'cell_2', type: 'field', field: 'phone', help: { en: 'Mainland mobile or landline', 'zh-CN': '' }, requiredWhen: 'item.contact_name != null' });

    await press(user, canvas().getByRole('button', { name: 'Contact name' }), '{Delete}');
    expect(canvas().queryByRole('button', { name: 'Contact name' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Contacts'));
  });

  it('shows a FEEL syntax error and an unknown field name under the rule', async () => {
    const user = userEvent.setup();
    renderDesigner();
    await loaded();
    await user.click(canvas().getByRole('button', { name: 'Name' }));
    const rule = screen.getByRole('textbox', { name: 'Required when' });
    await user.type(rule, 'occupation =');
    expect(screen.getByText('Syntax error at line 1, column 13: Unexpected end of expression')).toBeTruthy();
    expect(rule.getAttribute('aria-invalid')).toBe('true');

    await user.clear(rule);
    await user.type(rule, 'ocupation = "retired"');
    expect(screen.getByText('ocupation is not a field of this entity')).toBeTruthy();
    expect(rule.getAttribute('aria-invalid')).toBeNull();
  });

  it('undoes and redoes a layout change with the toolbar and the keyboard', async () => {
    const user = userEvent.setup();
    renderDesigner();
    await loaded();
    const sections = () => canvas().queryAllByRole('button', { name: /^(Basic information|Section)$/ }).length;
    await press(user, palette().getByRole('button', { name: 'Section' }), '{Enter}');
    expect(sections()).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(sections()).toBe(1);
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(sections()).toBe(2);
    await user.keyboard('{Control>}z{/Control}');
    expect(sections()).toBe(1);
  });

  it('saves the draft with the revision it was loaded at', async () => {
    const user = userEvent.setup();
    const { requests } = renderDesigner();
    await loaded();
    await user.click(canvas().getByRole('button', { name: 'Name' }));
    await user.type(screen.getByRole('textbox', { name: 'Label (English)' }), 'Full name');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.url).toBe('/api/artifacts/form/customer_form');
    expect(put.headers['if-match']).toBe('"1"');
    expect(put.body).toEqual({
      ...storedForm(),
      layout: [{ ...storedForm().layout[0], children: [{ id: 'name', type: 'field', field: 'name', label: { en: 'Full name', 'zh-CN': '' } }] }],
    });
    expect(canvas().getByRole('button', { name: 'Full name' })).toBeTruthy();
  });

  it('starts a form that does not exist yet from the entity in the address, with one section', async () => {
    const user = userEvent.setup();
    const { requests } = renderDesigner(
      { 'GET /api/artifacts/form/new_form': problem(404, 'artifactNotFound'), 'PUT /api/artifacts/form/new_form': saved },
      '/form/new_form?entity=customer',
    );
    await loaded();
    expect(canvas().getByRole('button', { name: 'Section' })).toBeTruthy();
    expect(palette().getByRole('button', { name: 'Occupation' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"0"');
    expect(put.body).toMatchObject({ kind: 'form', key: 'new_form', entity: 'customer', layout: [{ type: 'section', children: [] }] });
  });

  it('shows why publishing was refused and leads to the node the server named', async () => {
    const user = userEvent.setup();
    renderDesigner({
      'POST /api/artifacts/form/customer_form/publish': problem(422, 'validationFailed', {
        errors: [{ path: '/layout/0/children/0/visibleWhen', code: 'unknownField', message: 'customer has no field ocupation', messageZh: 'customer 没有字段 ocupation' }],
      }),
    });
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText(/customer has no field ocupation/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show Name' }));
    expect(screen.getByRole('heading', { name: 'Properties: Name' })).toBeTruthy();
    expect(canvas().getByRole('button', { name: 'Name' }).getAttribute('aria-pressed')).toBe('true');
  });
});
