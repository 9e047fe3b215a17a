import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactList } from './ArtifactList.js';
import { fakeApi, problem, renderPage, sequence } from '@bankforge/app-shell/testing';
import { initTestI18n } from './testing/i18n.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const entities = [
  { kind: 'entity', key: 'customer', title: 'Customer', revision: 3, latestVersion: 2, state: 'modified', updatedAt: '2026-03-01T10:00:00.000Z' },
  { kind: 'entity', key: 'contact', title: 'Contact', revision: 1, latestVersion: null, state: 'draft', updatedAt: '2026-03-02T10:00:00.000Z' },
];
const forms = [{ kind: 'form', key: 'customer_form', title: 'Customer form', revision: 2, latestVersion: 1, state: 'published', updatedAt: '2026-03-03T10:00:00.000Z' }];

function renderList(routes: Parameters<typeof fakeApi>[0]) {
  const server = fakeApi(routes);
  renderPage(<ArtifactList />, server.client);
  return { server, user: userEvent.setup() };
}

describe('ArtifactList', () => {
  it('lists entities with state, version and a link to their designer', async () => {
    renderList({ 'GET /api/artifacts/entity': { body: entities } });
    const customer = (await screen.findByRole('link', { name: 'Customer' })).closest('tr')!;
    expect(within(customer).getByText('customer')).toBeTruthy();
    expect(within(customer).getByText('Modified')).toBeTruthy();
    expect(within(customer).getByText('v2')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Customer' }).getAttribute('href')).toBe('/entity/customer');
    const contact = screen.getByRole('link', { name: 'Contact' }).closest('tr')!;
    expect(within(contact).getByText('Draft')).toBeTruthy();
  });

  it('names each artifact in the reader’s language where it has a Chinese name', async () => {
    await initTestI18n('zh-CN');
    try {
      const named = [{ ...entities[0]!, label: { en: 'Customer', 'zh-CN': '客户' } }, entities[1]!];
      renderList({ 'GET /api/artifacts/entity': { body: named } });
      expect((await screen.findByRole('link', { name: '客户' })).getAttribute('href')).toBe('/entity/customer');
      // Without a Chinese name, the title stands in.
      expect(screen.getByRole('link', { name: 'Contact' })).toBeTruthy();
    } finally {
      await initTestI18n('en');
    }
  });

  it('moves between kinds with the arrow keys', async () => {
    const { user } = renderList({
      'GET /api/artifacts/entity': { body: entities },
      'GET /api/artifacts/form': { body: forms },
      'GET /api/artifacts/flow': { body: [] },
    });
    await screen.findByRole('link', { name: 'Customer' });
    await user.click(screen.getByRole('tab', { name: 'Entities' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Forms' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Forms' }));
    const panel = screen.getByRole('tabpanel', { name: 'Forms' });
    expect(await within(panel).findByText('Published v1')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByText('Nothing here yet.')).toBeTruthy();
    // Flows have their designer: the list is not read-only.
    expect(screen.queryByText(/listed here read-only/)).toBeNull();
  });

  it('explains a failed load and retries', async () => {
    const { user } = renderList({ 'GET /api/artifacts/entity': sequence(problem(500, 'internal'), { body: entities }) });
    expect(await screen.findByRole('alert')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Customer' })).toBeTruthy();
  });

  it('creates an app draft from the New app dialog and opens its designer', async () => {
    const { server, user } = renderList({
      'GET /api/artifacts/entity': { body: [] },
      'PUT /api/artifacts/app/crm': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    await user.click(screen.getByRole('button', { name: 'New app' }));
    const dialog = screen.getByRole('dialog', { name: 'New app' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'crm');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Bank CRM');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name in Chinese' }), '银行客户关系管理');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/app/crm');
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({ kind: 'app', key: 'crm', title: 'Bank CRM', label: { en: 'Bank CRM', 'zh-CN': '银行客户关系管理' }, artifacts: [] });
  });

  it('creates a decision draft, one empty table named by the key, from the New decision dialog and opens its designer', async () => {
    const { server, user } = renderList({
      'GET /api/artifacts/entity': { body: [] },
      'PUT /api/artifacts/decision/aml_screening': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    await user.click(screen.getByRole('button', { name: 'New decision' }));
    const dialog = screen.getByRole('dialog', { name: 'New decision' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'AML screening');
    // A decision has a title only: no name in Chinese to ask for.
    expect(within(dialog).queryByRole('textbox', { name: 'Name in Chinese' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText(/Use lower-case letters/)).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
    await user.clear(within(dialog).getByRole('textbox', { name: 'Key' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'aml_screening');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'AML screening');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/decision/aml_screening');
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"0"');
    expect(put.body).toEqual({
      kind: 'decision',
      key: 'aml_screening',
      title: 'AML screening',
      inputData: [],
      decisions: [{ name: 'aml_screening', logic: { kind: 'decisionTable', hitPolicy: 'U', inputs: [], outputs: [{}], rules: [] } }],
    });
  });

  it('says so when a decision’s key is taken', async () => {
    const { user } = renderList({ 'GET /api/artifacts/entity': { body: [] }, 'PUT /api/artifacts/decision/tier': problem(409, 'staleRevision') });
    await user.click(screen.getByRole('button', { name: 'New decision' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'tier');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Customer tier');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('This key is taken by another decision.')).toBeTruthy();
    expect(screen.queryByTestId('destination')).toBeNull();
  });

  it('creates an entity draft from the New entity dialog and opens its designer', async () => {
    const { server, user } = renderList({
      'GET /api/artifacts/entity': { body: [] },
      'PUT /api/artifacts/entity/loan': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    await user.click(screen.getByRole('button', { name: 'New entity' }));
    const dialog = screen.getByRole('dialog', { name: 'New entity' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'Loan');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText(/Use lower-case letters/)).toBeTruthy();
    expect(within(dialog).getByText(/Give it a title/)).toBeTruthy();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Key' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'loan');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Loan');
    // The Chinese name starts empty and is required: the English title is not copied into it.
    const nameZh = within(dialog).getByRole('textbox', { name: 'Name in Chinese' });
    expect((nameZh as HTMLInputElement).value).toBe('');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(nameZh.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(nameZh.getAttribute('aria-describedby')!)?.textContent).toBe('Give it a name in Chinese.');
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
    await user.type(nameZh, '贷款');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/entity/loan');
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"0"');
    expect(put.body).toEqual({ kind: 'entity', key: 'loan', title: 'Loan', label: { en: 'Loan', 'zh-CN': '贷款' }, fields: [] });
  });

  it('says so when the key is taken', async () => {
    const { user } = renderList({ 'GET /api/artifacts/entity': { body: entities }, 'PUT /api/artifacts/entity/customer': problem(409, 'staleRevision') });
    await user.click(await screen.findByRole('button', { name: 'New entity' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'customer');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Customer');
    await user.type(screen.getByRole('textbox', { name: 'Name in Chinese' }), '客户');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('This key is taken by another entity.')).toBeTruthy();
  });

  it('creates a form for a published entity, its default form when it is the first, with a Details section', async () => {
    const { server, user } = renderList({
      'GET /api/artifacts/entity': { body: entities },
      'GET /api/artifacts/form': { body: [] },
      'PUT /api/artifacts/form/customer_form': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    await user.click(await screen.findByRole('button', { name: 'New form' }));
    const entity = screen.getByRole('combobox', { name: 'Entity' });
    await within(entity).findByRole('option', { name: 'Customer (customer)' });
    // A never-published entity cannot carry a form yet.
    expect(within(entity).queryByRole('option', { name: 'Contact (contact)' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'customer_form');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Customer form');
    await user.type(screen.getByRole('textbox', { name: 'Name in Chinese' }), '客户表单');
    await user.selectOptions(entity, 'customer');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/form/customer_form');
    expect(server.requests.at(-1)!.body).toMatchObject({
      kind: 'form',
      key: 'customer_form',
      entity: 'customer',
      default: true,
      label: { en: 'Customer form', 'zh-CN': '客户表单' },
      layout: [{ type: 'section', title: { en: 'Details', 'zh-CN': '详细信息' }, children: [] }],
      schemaVersion: 1,
    });
  });

  it('lists reports with a link to their designer, and creates one counting a published entity', async () => {
    const reports = [{ kind: 'report', key: 'loan_pipeline', title: 'Loan pipeline', revision: 2, latestVersion: 1, state: 'published', updatedAt: '2026-03-03T10:00:00.000Z' }];
    const { server, user } = renderList({
      'GET /api/artifacts/entity': { body: entities },
      'GET /api/artifacts/report': { body: reports },
      'PUT /api/artifacts/report/approvals': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    await user.click(await screen.findByRole('tab', { name: 'Reports' }));
    expect((await screen.findByRole('link', { name: 'Loan pipeline' })).getAttribute('href')).toBe('/report/loan_pipeline');
    expect(screen.queryByText(/listed here read-only/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'New report' }));
    const dialog = screen.getByRole('dialog', { name: 'New report' });
    const entity = within(dialog).getByRole('combobox', { name: 'Base entity' });
    await within(entity).findByRole('option', { name: 'Customer (customer)' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'approvals');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Loan approvals');
    expect(within(dialog).queryByRole('textbox', { name: 'Name in Chinese' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Choose the entity whose records the report counts.')).toBeTruthy();
    await user.selectOptions(entity, 'customer');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/report/approvals');
    expect(server.requests.at(-1)!.body).toEqual({ kind: 'report', key: 'approvals', title: 'Loan approvals', source: 'customer', measures: [{ key: 'count', label: { en: 'Count', 'zh-CN': '数量' }, agg: 'count' }] });
  });

  it('creates a further form for an entity as not its default', async () => {
    const { server, user } = renderList({
      'GET /api/artifacts/entity': { body: entities },
      'GET /api/artifacts/form': { body: forms },
      'GET /api/artifacts/form/customer_form': { body: { document: { kind: 'form', key: 'customer_form', title: 'Customer form', entity: 'customer', default: true, layout: [] }, revision: 2, latestVersion: 1 } },
      'PUT /api/artifacts/form/customer_short': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    await user.click(await screen.findByRole('button', { name: 'New form' }));
    const entity = screen.getByRole('combobox', { name: 'Entity' });
    await within(entity).findByRole('option', { name: 'Customer (customer)' });
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'customer_short');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Customer (short)');
    await user.type(screen.getByRole('textbox', { name: 'Name in Chinese' }), '客户（简版）');
    await user.selectOptions(entity, 'customer');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/form/customer_short');
    expect(server.requests.at(-1)!.body).toMatchObject({ kind: 'form', key: 'customer_short', entity: 'customer', default: false });
  });
});
