import { fakeApi, renderPage } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactList } from '../ArtifactList.js';
import { initTestI18n } from '../testing/i18n.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('New automation', () => {
  it('asks the entity it watches, stores an automation on its updates named by the title, and opens the automation designer', async () => {
    const server = fakeApi({
      'GET /api/artifacts/automation': { body: [] },
      'GET /api/artifacts/entity': { body: [{ kind: 'entity', key: 'customer', title: 'Customer', revision: 1, latestVersion: 1, state: 'published', updatedAt: '2026-12-01T10:00:00.000Z' }] },
      'PUT /api/artifacts/automation/tag_high_potential': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    renderPage(<ArtifactList />, server.client, { path: '/?kind=automation' });
    const user = userEvent.setup();
    expect(await screen.findByText('Nothing here yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New automation' }));
    const dialog = screen.getByRole('dialog', { name: 'New automation' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'tag_high_potential');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Tag high-potential customers');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name in Chinese' }), '标记高潜力客户');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Choose the entity whose records the automation watches.')).toBeTruthy();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Entity it watches' }), await within(dialog).findByRole('option', { name: 'Customer (customer)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/automation/tag_high_potential');
    expect(server.requests.find((r) => r.method === 'PUT')!.body).toEqual({
      kind: 'automation',
      key: 'tag_high_potential',
      title: 'Tag high-potential customers',
      label: { en: 'Tag high-potential customers', 'zh-CN': '标记高潜力客户' },
      enabled: true,
      trigger: { type: 'record', entity: 'customer', on: ['updated'] },
      actions: [],
    });
  });
});
