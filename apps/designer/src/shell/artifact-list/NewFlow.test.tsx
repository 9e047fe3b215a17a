import { fakeApi, renderPage } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactList } from '../ArtifactList.js';
import { initTestI18n } from '../testing/i18n.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('New flow', () => {
  it('stores a flow drawn from a start joined to an end, named by the title in both languages, and opens the flow designer', async () => {
    const server = fakeApi({
      'GET /api/artifacts/entity': { body: [] },
      'PUT /api/artifacts/flow/small_loan': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    renderPage(<ArtifactList />, server.client);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'New flow' }));
    const dialog = screen.getByRole('dialog', { name: 'New flow' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'small_loan');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Small business loan');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/flow/small_loan');
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"0"');
    expect(put.body).toMatchObject({
      kind: 'flow',
      key: 'small_loan',
      title: 'Small business loan',
      label: { en: 'Small business loan', 'zh-CN': 'Small business loan' },
      nodes: [{ id: 'start', type: 'start' }, { id: 'end', type: 'end' }],
      edges: [{ source: 'start', target: 'end' }],
    });
  });
});
