import type { AppDocument } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, type FakeHandler, type FakeResponse, problem, type RecordedRequest, renderPage, sequence } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../shell/testing/i18n.js';
import AppDesigner from './AppDesigner.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const summary = (kind: string, key: string, title: string, latestVersion: number | null = 1) => ({ kind, key, title, revision: 1, latestVersion, state: latestVersion === null ? 'draft' : 'published', updatedAt: '' });
const crm = (): AppDocument => ({
  kind: 'app',
  key: 'crm',
  title: 'Bank CRM',
  label: { en: 'Bank CRM', 'zh-CN': '银行客户关系管理' },
  artifacts: [
    { kind: 'entity', key: 'customer' },
    { kind: 'entity', key: 'loan' },
    { kind: 'report', key: 'gone' },
  ],
});

function openDesigner(routes: Record<string, FakeHandler | FakeResponse> = {}) {
  let revision = 1;
  const server = fakeApi({
    'GET /api/artifacts/app/crm': { body: { document: crm(), revision, latestVersion: null } },
    'GET /api/artifacts/entity': { body: [summary('entity', 'customer', 'Customer'), summary('entity', 'loan', 'Loan'), summary('entity', 'lead', 'Lead', null)] },
    'GET /api/artifacts/form': { body: [] },
    'GET /api/artifacts/report': { body: [summary('report', 'aum', 'AUM by branch')] },
    'GET /api/artifacts/decision': { body: [] },
    'GET /api/artifacts/flow': { body: [] },
    'PUT /api/artifacts/app/crm': (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    ...routes,
  });
  renderPage(<AppDesigner />, server.client, { path: '/app/crm', pattern: '/app/:key' });
  return { server, user: userEvent.setup() };
}

const saved = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT').at(-1)!.body as AppDocument;
const list = () => screen.getByRole('list', { name: 'Pages and contents, in menu order' });
const names = () => within(list()).getAllByRole('listitem').map((item) => item.querySelector('strong')!.textContent);

describe('AppDesigner', () => {
  it("shows the app's contents in menu order, by title, flagging what does not exist", async () => {
    openDesigner();
    await screen.findByRole('heading', { name: 'App: Bank CRM' });
    expect(await screen.findByText('Customer')).toBeTruthy();
    expect(names()).toEqual(['Customer', 'Loan', 'gone']);
    const gone = within(list()).getAllByRole('listitem')[2]!;
    expect(within(gone).getByText('not found')).toBeTruthy();
    expect(within(gone).getByText('Report')).toBeTruthy();
  });

  it('reorders, removes and adds by keyboard, keeping focus on the item, and saves the new menu; undo takes a step back', async () => {
    const { server, user } = openDesigner();
    await screen.findByText('Customer');
    screen.getByRole('button', { name: 'Move Loan up' }).focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Loan', 'Customer', 'gone']);
    // Loan is first now, so its Move up is disabled: the focus moves to its Move down.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Loan down' }));
    expect(screen.getByText('Loan moved to place 1').getAttribute('role')).toBe('status');

    screen.getByRole('button', { name: 'Remove gone' }).focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Loan', 'Customer']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove Customer' }));

    const artifact = screen.getByRole('combobox', { name: 'Artifact' });
    // What the app holds already is not offered again; a draft-only entity is, and is flagged once added.
    expect(within(artifact).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose…', 'Lead (lead)']);
    await user.selectOptions(artifact, 'lead');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(names()).toEqual(['Loan', 'Customer', 'Lead']);
    expect(within(within(list()).getAllByRole('listitem')[2]!).getByText('not published yet')).toBeTruthy();
    expect(screen.getByText('Nothing more of this kind to add.')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'report');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Artifact' }), 'aum');
    await user.click(screen.getByRole('button', { name: 'Add' }));

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests).artifacts).toEqual([
      { kind: 'entity', key: 'loan' },
      { kind: 'entity', key: 'customer' },
      { kind: 'entity', key: 'lead' },
      { kind: 'report', key: 'aum' },
    ]);
    await user.keyboard('{Control>}z{/Control}');
    expect(names()).toEqual(['Loan', 'Customer', 'Lead']);
  });

  it("shows the server's refusal to publish on the item it names", async () => {
    const { user } = openDesigner({
      'POST /api/artifacts/app/crm/publish': problem(422, 'invalidArtifact', {
        errors: [{ path: '/artifacts/1', code: 'artifactNotPublished', message: 'entity loan is not published.' }],
      }),
    });
    await screen.findByText('Customer');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const loan = within(list()).getAllByRole('listitem')[1]!;
    expect(await within(loan).findByText('entity loan is not published.')).toBeTruthy();
  });

  it('says why the draft could not be loaded, and loads it on Retry', async () => {
    const { user } = openDesigner({
      'GET /api/artifacts/app/crm': sequence(problem(500, 'internal'), { body: { document: crm(), revision: 1, latestVersion: null } }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('The app could not be loaded: internal detail');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'App: Bank CRM' })).toBeTruthy();
  });

  it('names the app in both languages for the runtime', async () => {
    const { server, user } = openDesigner();
    await screen.findByText('Customer');
    await user.click(screen.getByRole('tab', { name: 'App' }));
    const zh = screen.getByRole('textbox', { name: 'Name in the runtime (Chinese)' });
    await user.clear(zh);
    await user.type(zh, '客户经理工作台');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests).label).toEqual({ en: 'Bank CRM', 'zh-CN': '客户经理工作台' });
  });
});
