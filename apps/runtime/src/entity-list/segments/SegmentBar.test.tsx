import type { RecordQuery, Segment } from '@bankforge/client';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, problem, renderPage, type FakeHandler } from '@bankforge/app-shell/testing';
import { customerPage } from '../../testing/customer.js';
import { initTestI18n } from '../../testing/i18n.js';
import { EntityListPage } from '../EntityListPage.js';

beforeEach(async () => {
  localStorage.clear();
  await initTestI18n('en');
});
afterEach(cleanup);

const golden: Segment = {
  id: 's1',
  entity: 'customer',
  name: 'Gold customers',
  filter: { and: [{ field: 'tier', op: 'eq', value: 'gold' }] },
  sort: [{ field: 'full_name', direction: 'desc' }],
  sharing: 'branch',
  owner: { id: 'u2', name: 'wang_fang' },
  mine: false,
  createdAt: '2026-07-01T00:00:00Z',
  updatedAt: '2026-07-01T00:00:00Z',
};

function renderList(segments: Segment[], save: FakeHandler = (request) => ({ status: 201, body: { ...golden, ...(request.body as object), id: 's2', mine: true } })) {
  const server = fakeApi({
    'GET /api/runtime/entities/customer': { body: customerPage },
    'POST /api/records/customer/query': { body: { items: [], nextCursor: null, total: 0 } },
    'GET /api/segments?entity=customer': { body: { items: segments } },
    'POST /api/segments': save,
  });
  renderPage(<EntityListPage filterDelayMs={0} />, server.client, { path: '/crm/customer', pattern: '/:app/:entity' });
  const queries = () => server.requests.filter((r) => r.url === '/api/records/customer/query').map((r) => r.body as RecordQuery);
  return { server, queries };
}

describe('segments in a list', () => {
  it('saves the current filter and sort as a segment, named and shared from the keyboard', async () => {
    const { server } = renderList([]);
    const user = userEvent.setup();
    const save = await screen.findByRole('button', { name: 'Save as segment' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter Tier' }), 'gold');
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    await user.click(save);
    const form = screen.getByRole('dialog', { name: 'Save the current filter as a segment' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Segment name' }));
    await user.keyboard('Gold customers');
    await user.click(screen.getByRole('radio', { name: 'My branch' }));
    await user.click(screen.getByRole('button', { name: 'Save segment' }));
    await screen.findByText('Segment “Gold customers” saved.');
    expect(form.isConnected).toBe(false);
    expect(server.requests.find((r) => r.method === 'POST' && r.url === '/api/segments')?.body).toEqual({
      entity: 'customer',
      name: 'Gold customers',
      filter: { and: [{ field: 'tier', op: 'eq', value: 'gold' }] },
      sharing: 'branch',
    });
  });

  it('shows the server’s refusal at the name, and Escape closes the form', async () => {
    renderList([], () => problem(409, 'segmentNameTaken', { errors: [{ path: '/name', code: 'taken', message: 'You already have a segment named "X" on this list.' }] }));
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Filter Tier' }), 'gold');
    await user.click(screen.getByRole('button', { name: 'Save as segment' }));
    await user.keyboard('X{Enter}');
    expect(await screen.findByText('You already have a segment named "X" on this list.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Segment name' }).getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save as segment' }));
  });

  it('applies a segment shared by another: its filter in the filter row, its sort, the reader’s own query', async () => {
    const { queries } = renderList([golden]);
    const user = userEvent.setup();
    const picker = await screen.findByRole('combobox', { name: 'Segment' });
    await screen.findByRole('option', { name: 'Gold customers · shared by wang_fang' });
    await user.selectOptions(picker, 's1');
    await waitFor(() => expect(queries().at(-1)).toMatchObject({ filter: golden.filter, sort: golden.sort }));
    expect((screen.getByRole('combobox', { name: 'Filter Tier' }) as HTMLSelectElement).value).toBe('gold');
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Segment “Gold customers” applied: your own records that match it.');
    expect(screen.queryByRole('button', { name: 'Delete segment' })).toBeNull();
  });
});
