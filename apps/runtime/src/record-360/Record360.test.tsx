import type { RecordOverview, RuntimeEntityPage } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { publishedCustomer as customerEntity } from '@bankforge/data-model/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, sequence, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../testing/i18n.js';
import RecordPage from '../record/RecordPage.js';

// React Flow needs a layout engine jsdom does not have: the canvas is the browser story's; here its list stands for it.
vi.mock('./graph/RelationshipGraphCanvas.js', () => ({ default: () => <div data-testid="graph-canvas" /> }));

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const interaction: EntityDefinition = {
  kind: 'entity',
  key: 'interaction',
  title: 'Interaction',
  label: text('Interaction', '客户互动'),
  fields: [
    { id: 'i1', key: 'customer', type: 'reference', label: text('Customer', '客户'), required: true, reference: { entity: 'customer' } },
    { id: 'i2', key: 'channel', type: 'singleSelect', label: text('Channel', '渠道'), required: true, options: [{ value: 'phone', label: text('Phone call', '电话') }, { value: 'visit', label: text('Visit', '上门拜访') }] },
    { id: 'i3', key: 'occurred_at', type: 'datetime', label: text('When', '时间'), required: true },
    { id: 'i4', key: 'summary', type: 'text', label: text('Summary', '摘要'), required: true },
  ],
};
const customerPage: RuntimeEntityPage = { entity: customerEntity, form: null, related: {}, validators: {} };
const interactionPage: RuntimeEntityPage = { entity: interaction, form: null, related: {}, validators: {} };
const wang = { id: 'c1', version: 1, full_name: 'Wang Fang', tier: 'gold' };

const balance = { id: 'f_balance', key: 'balance', type: 'money', label: text('Balance', '余额') } as const;
const overview: RecordOverview = {
  entity: 'customer',
  id: 'c1',
  header: {
    title: 'Wang Fang · C0000000001',
    figures: [
      { key: 'aum', label: text('Assets under management', '管理资产'), kind: 'field', type: 'money', value: { amount: '1200000.00', currency: 'CNY' } },
      { key: 'deposits', label: text('Deposits', '存款余额'), kind: 'sum', type: 'money', value: [{ amount: '350.50', currency: 'CNY' }] },
      { key: 'risk', label: text('Risk tolerance', '风险承受等级'), kind: 'field', type: 'singleSelect', value: 'R3', option: { value: 'R3', label: text('R3 Balanced', 'R3 平衡型') } },
    ],
    tags: { field: 'tags', label: text('Tags', '客户标签'), values: [{ value: 'vip', label: text('VIP', '贵宾客户') }] },
  },
  related: [
    {
      entity: 'account',
      via: 'customer',
      label: text('Accounts', '账户'),
      entityLabel: text('Account', '账户'),
      total: 7,
      rows: [{ id: 'a1', title: '***************0011', values: { balance: { amount: '100.00', currency: 'CNY' } } }],
      columns: [balance],
      canCreate: false,
    },
    { entity: 'contact', via: 'customer', label: text('Contacts', '联系人'), entityLabel: text('Contact', '联系人'), total: 0, rows: [], columns: [], canCreate: true },
  ],
  activities: [{ entity: 'interaction', via: 'customer', label: text('Interaction', '客户互动'), canCreate: true }],
  timeline: {
    entries: [
      {
        kind: 'change',
        at: '2026-03-03T01:00:00.000Z',
        seq: 9,
        entity: 'customer',
        entityLabel: text('Customer', '客户'),
        recordId: 'c1',
        recordTitle: 'Wang Fang · C0000000001',
        action: 'update',
        by: { username: 'admin', displayName: 'Administrator' },
        changes: [
          { field: 'resident_id', label: text('Resident ID', '身份证号'), type: 'residentId', before: '1101************2X', after: '4403************3X', masked: true },
          { field: 'branch', label: text('Branch', '归属网点'), type: 'reference', before: 'b1', after: 'b2', refersTo: 'branch' },
        ],
      },
      {
        kind: 'change',
        at: '2026-03-02T05:00:00.000Z',
        seq: 8,
        entity: 'account',
        entityLabel: text('Account', '账户'),
        recordId: 'a1',
        recordTitle: '***************0011',
        action: 'create',
        by: { username: 'system', displayName: 'system' },
        changes: [{ field: 'customer', label: text('Customer', '所属客户'), type: 'reference', before: null, after: 'c1', refersTo: 'customer' }],
      },
      { kind: 'case', at: '2026-03-02T03:00:00.000Z', caseId: 'k1', flowName: text('Loan approval', '贷款审批'), status: 'running', entity: 'loan_application', recordId: 'l1', recordTitle: 'LA202603000001', by: { username: 'wang_fang', displayName: '王芳' } },
    ],
    more: false,
    titles: { branch: { b1: 'Shanghai main branch' } },
  },
  graph: {
    entity: 'relationship',
    label: text('Related parties', '关联关系'),
    nodes: [{ id: 'c1', visible: true, title: 'Wang Fang · C0000000001', center: true }, { id: 'c2', visible: true, title: 'Wang Xiaohong' }, { id: 'hidden-2', visible: false }],
    edges: [
      { id: 'r1', from: 'c1', to: 'c2', kind: { value: 'spouse', label: text('Spouse', '配偶') } },
      { id: 'r2', from: 'hidden-2', to: 'c1', kind: { value: 'guarantor', label: text('Guarantor for', '担保人') } },
    ],
    canCreate: true,
    from: 'from_customer',
    to: 'to_customer',
  },
};

const logged: RecordOverview = {
  ...overview,
  timeline: {
    entries: [
      { kind: 'activity', at: '2026-03-04T02:00:00.000Z', entity: 'interaction', entityLabel: text('Interaction', '客户互动'), id: 'i9', title: 'Called about the CD', summary: 'Called about the CD', activityKind: { value: 'phone', label: text('Phone call', '电话') }, details: [], by: { username: 'wang_fang', displayName: '王芳' } },
      ...overview.timeline.entries,
    ],
    more: false,
    titles: overview.timeline.titles,
  },
};

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderPage(path: string, routes: Record<string, FakeHandler | FakeResponse>) {
  const server = fakeApi({
    'GET /api/runtime/entities/customer': { body: customerPage },
    'GET /api/runtime/entities/interaction': { body: interactionPage },
    'GET /api/records/customer/c1': { body: wang },
    ...routes,
  });
  render(
    <ApiClientProvider client={server.client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/:app/:entity/new" element={<RecordPage importModule={async () => ({ default: () => () => [] })} />} />
          <Route path="/:app/:entity/:id" element={<RecordPage importModule={async () => ({ default: () => () => [] })} />} />
          <Route path="/:app/:entity" element={<p>list</p>} />
        </Routes>
        <Where />
      </MemoryRouter>
    </ApiClientProvider>,
  );
  return server;
}

describe('the 360° record page', () => {
  it('shows the title, key figures and tags, the related lists, the timeline and the related parties, then the details', async () => {
    renderPage('/crm/customer/c1', { 'GET /api/records/customer/c1/overview?app=crm': { body: overview } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Wang Fang · C0000000001' })).toBeTruthy();
    const figures = screen.getByLabelText('Key figures');
    expect(within(figures).getByText('Deposits').nextSibling?.textContent).toMatch(/350\.50/);
    expect(within(figures).getByText('R3 Balanced')).toBeTruthy();
    expect(screen.getByText('VIP')).toBeTruthy();
    const accounts = screen.getByRole('region', { name: /Accounts/ });
    expect(within(accounts).getByRole('link', { name: '***************0011' }).getAttribute('href')).toBe('/crm/account/a1');
    expect(within(accounts).getByRole('link', { name: 'View all Accounts (7)' }).getAttribute('href')).toBe('/crm/account?customer=c1');
    expect(within(accounts).queryByRole('link', { name: /^Add/ })).toBeNull();
    const contacts = screen.getByRole('region', { name: /Contacts/ });
    expect(within(contacts).getByRole('link', { name: 'Add Contact' }).getAttribute('href')).toBe('/crm/contact/new?customer=c1');
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(within(timeline).getByText('Customer Wang Fang · C0000000001 changed')).toBeTruthy();
    expect(within(timeline).getByText('Resident ID: 1101************2X → 4403************3X')).toBeTruthy();
    // A reference by its title, never its id: one the reader may not see is said so.
    expect(within(timeline).getByText('Branch: Shanghai main branch → a record you may not see')).toBeTruthy();
    // A creation by its title alone, the system named in words.
    const created = within(timeline).getByText('Account ***************0011 created').closest('li')!;
    expect(within(created).queryByRole('list')).toBeNull();
    expect(within(created).getByText('by the system')).toBeTruthy();
    expect(within(timeline).getByRole('link', { name: 'Approval: Loan approval on LA202603000001' }).getAttribute('href')).toBe('/cases/k1');
    const parties = screen.getByRole('list', { name: 'Related parties as a list' });
    expect(within(parties).getByRole('link', { name: 'Wang Xiaohong' })).toBeTruthy();
    expect(within(parties).getByText('A customer you may not see')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Details' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Full name' })).toBeTruthy();
  });

  it('logs an interaction for this record and shows it on the timeline', async () => {
    const server = renderPage('/crm/customer/c1', {
      'GET /api/records/customer/c1/overview?app=crm': sequence({ body: overview }, { body: logged }),
      'POST /api/records/interaction': { status: 201, body: { id: 'i9', version: 1 } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Log Interaction' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log Interaction' });
    // The reference is this record: the form does not ask for it.
    expect(within(dialog).queryByRole('textbox', { name: /Customer/ })).toBeNull();
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: /Channel/ }), 'phone');
    await user.type(within(dialog).getByRole('textbox', { name: /Summary/ }), 'Called about the CD');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Interaction logged.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ customer: 'c1', channel: 'phone', summary: 'Called about the CD', occurred_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as string });
    expect(within(screen.getByRole('region', { name: 'Timeline' })).getByRole('link', { name: 'Called about the CD' })).toBeTruthy();
  });

  it('keeps the details when the overview cannot be read', async () => {
    renderPage('/crm/customer/c1', { 'GET /api/records/customer/c1/overview?app=crm': problem(503, 'unavailable') });
    expect(await screen.findByText('The overview of this record could not be loaded; its details are below.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Customer' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Full name' })).toBeTruthy();
  });

  it('reads in Chinese: tags, figures and the hidden party in the reader\'s language', async () => {
    await initTestI18n('zh-CN');
    renderPage('/crm/customer/c1', { 'GET /api/records/customer/c1/overview?app=crm': { body: overview } });
    expect(await screen.findByText('贵宾客户')).toBeTruthy();
    expect(screen.getByText('R3 平衡型')).toBeTruthy();
    expect(screen.getByText('您无权查看的客户')).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看全部账户（7）' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '记录客户互动' })).toBeTruthy();
  });

  it("fills a new related record's reference from the address, and sends it", async () => {
    const contact: EntityDefinition = {
      kind: 'entity',
      key: 'contact',
      title: 'Contact',
      label: text('Contact', '联系人'),
      fields: [
        { id: 'k1', key: 'customer', type: 'reference', label: text('Customer', '客户'), required: true, reference: { entity: 'customer' } },
        { id: 'k2', key: 'name', type: 'text', label: text('Name', '姓名'), required: true },
      ],
    };
    const server = renderPage('/crm/contact/new?customer=c1&name=ignored', {
      'GET /api/runtime/entities/contact': { body: { entity: contact, form: null, related: {}, validators: {} } },
      'POST /api/records/contact': { status: 201, body: { id: 'k9', version: 1, customer: 'c1', name: 'Li Na' } },
      'POST /api/records/customer/titles': { body: { titles: { c1: 'Wang Fang' } } },
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Li Na');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(server.requests.some((r) => r.method === 'POST' && r.url === '/api/records/contact')).toBe(true));
    expect(server.requests.find((r) => r.url === '/api/records/contact')?.body).toEqual({ customer: 'c1', name: 'Li Na' });
  });
});
