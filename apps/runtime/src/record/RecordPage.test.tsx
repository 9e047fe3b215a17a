import type { ValidatorRuntime } from '@bankforge/data-model/browser';
import type { FormDefinition as Form } from '@bankforge/form-engine/react';
import { contactEntity as sharedContact, publishedCustomer as customerEntity } from '@bankforge/data-model/testing';
import { contactsGroup, customerFormOf } from '@bankforge/form-engine/testing';
import { cleanup, render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, sequence, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../testing/i18n.js';
import RecordPage from './RecordPage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const customerForm: Form = customerFormOf(
  [
    { id: 'n1', type: 'field', field: 'full_name' },
    { id: 'n2', type: 'field', field: 'resident_id' },
    { id: 'n3', type: 'field', field: 'tier' },
  ],
  { default: true },
);

const page = { entity: customerEntity, form: customerForm, related: {}, validators: { customer: '/api/runtime/validators/customer.js?v=3' } };
const wang = { id: 'c1', version: 1, full_name: 'Wang Fang', resident_id: '11010519491231002X', tier: 'gold' };

/** The validator module the server would serve: here, a resident ID must be 17 digits and a digit or X. */
const validatorModule = {
  default: (_runtime: ValidatorRuntime) => (values: Record<string, unknown>) =>
    typeof values.resident_id === 'string' && !/^\d{17}[\dX]$/.test(values.resident_id)
      ? [{ path: '/resident_id', code: 'residentId', message: 'Not a resident ID', messageZh: '不是有效的身份证号' }]
      : [],
};

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderRecord(path: string, routes: Record<string, FakeHandler | FakeResponse>) {
  const server = fakeApi({ 'GET /api/runtime/entities/customer': { body: page }, ...routes });
  const importModule = vi.fn(async () => validatorModule);
  const element = <RecordPage importModule={importModule} />;
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/:app/:entity/new" element={element} />
          <Route path="/:app/:entity/:id" element={element} />
        </Routes>
        <Where />
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return { server, importModule };
}

const nameBox = () => screen.getByRole('textbox', { name: 'Full name' });
const residentIdBox = () => screen.getByRole('textbox', { name: 'Resident ID' });
const save = () => userEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('RecordPage', () => {
  it('checks with the validator module before sending, then creates the record under the form and opens it', async () => {
    const { server, importModule } = renderRecord('/crm/customer/new', {
      'POST /api/records/customer?form=customer_form': { status: 201, body: { ...wang, id: 'c9' } },
      'GET /api/records/customer/c9?form=customer_form': { body: { ...wang, id: 'c9' } },
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'New Customer' })).toBeTruthy();
    await user.type(await screen.findByRole('textbox', { name: 'Resident ID' }), '1234');
    await save();
    // The required name and the module's resident ID check stop the save; the first invalid field has focus.
    expect(document.activeElement).toBe(nameBox());
    expect(residentIdBox().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not a resident ID')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
    expect(importModule).toHaveBeenCalledWith('/api/runtime/validators/customer.js?v=3');

    await user.type(nameBox(), 'Wang Fang');
    await user.clear(residentIdBox());
    await user.type(residentIdBox(), '11010519491231002X');
    await save();
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/crm/customer/c9'));
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ full_name: 'Wang Fang', resident_id: '11010519491231002X' });
    expect(await screen.findByRole('textbox', { name: 'Full name' })).toHaveProperty('value', 'Wang Fang');
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it("shows the server's 422 errors on their fields and in a summary at the top", async () => {
    const { server } = renderRecord('/crm/customer/c1', {
      'GET /api/records/customer/c1?form=customer_form': { body: wang },
      'PATCH /api/records/customer/c1?form=customer_form': problem(422, 'validationFailed', {
        errors: [{ path: '/resident_id', code: 'duplicate', message: 'Another customer has this resident ID', messageZh: '已有客户使用此身份证号' }],
      }),
    });
    const user = userEvent.setup();
    await user.clear(await screen.findByRole('textbox', { name: 'Full name' }));
    await user.type(nameBox(), 'Wang Fang Jr');
    await save();
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Resident ID: Another customer has this resident ID');
    expect(residentIdBox().getAttribute('aria-invalid')).toBe('true');
    const described = residentIdBox().getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).toContain('Another customer has this resident ID');
    expect(server.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ full_name: 'Wang Fang Jr', version: 1 });
  });

  it('explains a conflicting save and reloads the latest version on request', async () => {
    const { server } = renderRecord('/crm/customer/c1', {
      'GET /api/records/customer/c1?form=customer_form': sequence({ body: wang }, { body: { ...wang, version: 2, full_name: 'Wang Fang (VIP)' } }),
      'PATCH /api/records/customer/c1?form=customer_form': problem(409, 'staleVersion', { expectedVersion: 1, currentVersion: 2 }),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Full name' }), ' Jr');
    await save();
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this record' });
    expect(dialog.textContent).toContain('version 1, the latest is version 2');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Reload' }));

    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Reload' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(nameBox()).toHaveProperty('value', 'Wang Fang Jr');

    await save();
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Full name' })).toHaveProperty('value', 'Wang Fang (VIP)'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(server.requests.filter((r) => r.url === '/api/records/customer/c1?form=customer_form' && r.method === 'GET')).toHaveLength(2);
  });

  it('saves only what changed with the version read, then carries on from the version the server answers', async () => {
    const { server } = renderRecord('/crm/customer/c1', {
      'GET /api/records/customer/c1?form=customer_form': { body: wang },
      'PATCH /api/records/customer/c1?form=customer_form': (request) => {
        const body = request.body as { version: number; tier?: string };
        return { body: { ...wang, ...body, version: body.version + 1 } };
      },
    });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Tier' }), 'silver');
    await save();
    expect(await screen.findByText('Saved')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tier' }), 'gold');
    await save();
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { tier: 'silver', version: 1 },
      { tier: 'gold', version: 2 },
    ]);
  });

  it('generates a form of every field when none is published, and names no form on writes', async () => {
    const { server } = renderRecord('/crm/customer/new', {
      'GET /api/runtime/entities/customer': { body: { ...page, form: null } },
      'POST /api/records/customer': { status: 201, body: { id: 'c5', version: 1, full_name: 'Li Lei' } },
      'GET /api/records/customer/c5': { body: { id: 'c5', version: 1, full_name: 'Li Lei' } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Li Lei');
    expect(screen.getByRole('checkbox', { name: 'Active' })).toBeTruthy();
    await save();
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/crm/customer/c5'));
    expect(server.requests.find((r) => r.method === 'POST')!.url).toBe('/api/records/customer');
  });

  it("lets a relationship manager change their customer's mobile under a masked resident ID, which is shown read-only and not sent", async () => {
    const entity = { ...customerEntity, fields: [...customerEntity.fields, { id: 'f6', key: 'mobile', type: 'mobile' as const, label: { en: 'Mobile', 'zh-CN': '手机号' } }] };
    const form = { ...customerForm, layout: [...customerForm.layout, { id: 'n4', type: 'field' as const, field: 'mobile' }, { id: 'n5', type: 'field' as const, field: 'balance' }] };
    // As the server answers the RM: the ID masked, the tier theirs to read only, the balance hidden (and absent from the record).
    const rmPage = { ...page, entity, form, fieldAccess: { resident_id: 'masked', tier: 'readonly', balance: 'hidden' } };
    const masked = { ...wang, resident_id: '110105********002X', mobile: '13812345678' };
    const { server } = renderRecord('/crm/customer/c1', {
      'GET /api/runtime/entities/customer': { body: rmPage },
      'GET /api/records/customer/c1?form=customer_form': { body: masked },
      'PATCH /api/records/customer/c1?form=customer_form': (request) => ({ body: { ...masked, ...(request.body as object), version: 2 } }),
    });
    const user = userEvent.setup();
    const mobile = await screen.findByRole('textbox', { name: 'Mobile' });
    expect(residentIdBox()).toHaveProperty('value', '110105********002X');
    expect(residentIdBox()).toHaveProperty('readOnly', true);
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveProperty('disabled', true);
    expect(screen.queryByText('Balance')).toBeNull();

    await user.clear(mobile);
    await user.type(mobile, '13912345678');
    await save();
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(residentIdBox().getAttribute('aria-invalid')).not.toBe('true');
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ mobile: '13912345678', version: 1 }]);
  });

  it('lets a relationship manager type a new customer\'s whole resident ID, and sends no read-only or hidden field', async () => {
    const rmPage = { ...page, fieldAccess: { resident_id: 'masked', tier: 'readonly' } };
    const form = { ...customerForm, layout: customerForm.layout.map((node) => (node.id === 'n3' ? { ...node, default: 'gold' } : node)) };
    const { server } = renderRecord('/crm/customer/new', {
      'GET /api/runtime/entities/customer': { body: { ...rmPage, form } },
      'POST /api/records/customer?form=customer_form': { status: 201, body: { ...wang, id: 'c9', resident_id: '110105********002X' } },
      'GET /api/records/customer/c9?form=customer_form': { body: { ...wang, id: 'c9', resident_id: '110105********002X' } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Wang Fang');
    await user.type(residentIdBox(), '11010519491231002X');
    await save();
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/crm/customer/c9'));
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ full_name: 'Wang Fang', resident_id: '11010519491231002X' });
  });

  describe('with a repeating group of contacts', () => {
    // The contacts here: a required name, and a phone of any text (the server checks it).
    const contactEntity = {
      ...sharedContact,
      fields: [
        { id: 'k1', key: 'customer', type: 'reference' as const, label: { en: 'Customer', 'zh-CN': '客户' }, reference: { entity: 'customer' } },
        { id: 'k2', key: 'contact_name', type: 'text' as const, label: { en: 'Contact name', 'zh-CN': '联系人姓名' }, required: true },
        { id: 'k3', key: 'phone', type: 'text' as const, label: { en: 'Phone', 'zh-CN': '电话' } },
      ],
    };
    const form: Form = {
      ...customerForm,
      layout: [
        ...customerForm.layout,
        contactsGroup(
          [
            { id: 'g1n', type: 'field', field: 'contact_name' },
            { id: 'g1p', type: 'field', field: 'phone' },
          ],
          { id: 'g1' },
        ),
      ],
    };
    const groupPage = { ...page, form, related: { contact: contactEntity } };
    const stored = {
      ...wang,
      contacts: [
        { id: 'r1', version: 2, customer: 'c1', contact_name: 'Li Lei', phone: '021-1234' },
        { id: 'r2', version: 1, customer: 'c1', contact_name: 'Han Meimei', phone: null },
      ],
    };
    const contactNames = () => screen.getAllByRole('textbox', { name: /Contact name/ });

    it('reads the record with its rows under the form, and sends changed rows with the versions read', async () => {
      const { server } = renderRecord('/crm/customer/c1', {
        'GET /api/runtime/entities/customer': { body: groupPage },
        'GET /api/records/customer/c1?form=customer_form': { body: stored },
        'PATCH /api/records/customer/c1?form=customer_form': {
          body: { ...stored, version: 2, contacts: [{ ...stored.contacts[0], version: 3, contact_name: 'Li Lei Sr' }, { id: 'r3', version: 1, customer: 'c1', contact_name: 'Lin Tao', phone: null }] },
        },
      });
      const user = userEvent.setup();
      await waitFor(() => expect(contactNames()).toHaveLength(2));
      expect(contactNames().map((box) => (box as HTMLInputElement).value)).toEqual(['Li Lei', 'Han Meimei']);

      await user.type(contactNames()[0]!, ' Sr');
      await user.click(screen.getByRole('button', { name: /Remove row 2/ }));
      await user.click(screen.getByRole('button', { name: 'Add row' }));
      await user.type(contactNames()[1]!, 'Lin Tao');
      await save();
      expect(await screen.findByText('Saved')).toBeTruthy();
      expect(server.requests.find((r) => r.method === 'PATCH')!.body).toEqual({
        contacts: [{ id: 'r1', version: 2, contact_name: 'Li Lei Sr', phone: '021-1234' }, { contact_name: 'Lin Tao' }],
        version: 1,
      });
      // The page carries on from the rows the server answered (their new versions and ids).
      expect(contactNames().map((box) => (box as HTMLInputElement).value)).toEqual(['Li Lei Sr', 'Lin Tao']);
    });

    it('leaves unchanged rows out of an update, and keeps showing them', async () => {
      const { server } = renderRecord('/crm/customer/c1', {
        'GET /api/runtime/entities/customer': { body: groupPage },
        'GET /api/records/customer/c1?form=customer_form': { body: stored },
        'PATCH /api/records/customer/c1?form=customer_form': (request) => ({ body: { ...wang, ...(request.body as object), version: 2 } }),
      });
      const user = userEvent.setup();
      await waitFor(() => expect(contactNames()).toHaveLength(2));
      await user.type(nameBox(), ' Jr');
      await save();
      expect(await screen.findByText('Saved')).toBeTruthy();
      expect(server.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ full_name: 'Wang Fang Jr', version: 1 });
      expect(contactNames()).toHaveLength(2);
    });

    it("shows the server's errors on a row's cell, named by group, row and column in the summary", async () => {
      renderRecord('/crm/customer/c1', {
        'GET /api/runtime/entities/customer': { body: groupPage },
        'GET /api/records/customer/c1?form=customer_form': { body: stored },
        'PATCH /api/records/customer/c1?form=customer_form': problem(422, 'validationFailed', {
          errors: [{ path: '/contacts/1/phone', code: 'pattern', message: 'Not a phone number', messageZh: '不是有效的电话号码' }],
        }),
      });
      const user = userEvent.setup();
      await waitFor(() => expect(contactNames()).toHaveLength(2));
      await user.type(screen.getAllByRole('textbox', { name: /Phone/ })[1]!, '12');
      await save();
      const summary = await screen.findByRole('alert');
      expect(summary.textContent).toContain('Contacts, row 2, Phone: Not a phone number');
      expect(screen.getAllByRole('textbox', { name: /Phone/ })[1]!.getAttribute('aria-invalid')).toBe('true');
    });

    it('creates a record with its new rows', async () => {
      const { server } = renderRecord('/crm/customer/new', {
        'GET /api/runtime/entities/customer': { body: groupPage },
        'POST /api/records/customer?form=customer_form': { status: 201, body: { ...stored, id: 'c9' } },
        'GET /api/records/customer/c9?form=customer_form': { body: { ...stored, id: 'c9' } },
      });
      const user = userEvent.setup();
      await user.type(await screen.findByRole('textbox', { name: 'Full name' }), 'Wang Fang');
      await user.click(screen.getByRole('button', { name: 'Add row' }));
      await user.type(contactNames()[0]!, 'Li Lei');
      await save();
      await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/crm/customer/c9'));
      expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ full_name: 'Wang Fang', contacts: [{ contact_name: 'Li Lei' }] });
    });
  });
});
