import { fakeApi, problem, renderPage } from '@bankforge/app-shell/testing';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { PersonPicker } from './PersonPicker.js';
import { RolePicker } from './RolePicker.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const ROLES = {
  body: [
    { key: 'relationship_manager', label: { en: 'Relationship manager', 'zh-CN': '客户经理' } },
    { key: 'credit_officer', label: { en: 'Credit officer', 'zh-CN': '信贷员' } },
    { key: 'branch_manager', label: { en: 'Branch manager', 'zh-CN': '支行行长' } },
  ],
};
const people = (...items: { id: string; name: string; branch?: string }[]) => ({ body: { items } });

/** A picker as a panel holds it: the value it shows is the one it was last given. */
function Held({ kind, initial, language = 'en' }: { kind: 'role' | 'person'; initial: string; language?: 'en' | 'zh-CN' }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      {kind === 'role' ? <RolePicker label="Approver role" value={value} language={language} onChange={setValue} /> : <PersonPicker label="Approver" value={value} onChange={setValue} />}
      <p data-testid="value">{value}</p>
    </>
  );
}
const held = () => screen.getByTestId('value').textContent;

describe('role picker', () => {
  it('offers the bank’s roles by name as the analyst types, chosen with Down and Enter; the key is what is kept', async () => {
    const server = fakeApi({ 'GET /api/auth/roles': ROLES });
    renderPage(<Held kind="role" initial="" />, server.client);
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Approver role' });
    await user.type(box, 'manag');
    const list = await screen.findByRole('listbox', { name: 'Approver role' });
    expect([...list.querySelectorAll('[role=option]')].map((o) => o.textContent)).toEqual(['Branch manager (branch_manager)', 'Relationship manager (relationship_manager)']);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(held()).toBe('relationship_manager');
    expect((box as HTMLInputElement).value).toBe('Relationship manager (relationship_manager)');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    // Escape puts the chosen role back; typed text alone is never taken.
    await user.clear(box);
    await user.type(box, 'zzz');
    expect(await screen.findByText('No role matches “zzz”.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('Relationship manager (relationship_manager)');
    expect(held()).toBe('relationship_manager');
    // One request for the list, however often it is searched.
    expect(server.requests.filter((r) => r.url === '/api/auth/roles')).toHaveLength(1);
  });

  it('names the role in Chinese, finds it by its Chinese name, and says when the flow names no role of the bank', async () => {
    renderPage(<Held kind="role" initial="credit_oficer" language="zh-CN" />, fakeApi({ 'GET /api/auth/roles': ROLES }).client);
    const user = userEvent.setup();
    expect(await screen.findByText('credit_oficer is not one of the bank’s roles: choose one from the list.')).toBeTruthy();
    const box = screen.getByRole('combobox', { name: 'Approver role' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.clear(box);
    await user.type(box, '信贷');
    await screen.findByRole('option', { name: '信贷员 (credit_officer)' });
    await user.click(screen.getByRole('option', { name: '信贷员 (credit_officer)' }));
    expect(held()).toBe('credit_officer');
    expect(screen.queryByText(/is not one of the bank’s roles/)).toBeNull();
  });

  it('falls back to typing the key when the list cannot be loaded', async () => {
    renderPage(<Held kind="role" initial="" />, fakeApi({ 'GET /api/auth/roles': problem(503, 'unavailable') }).client);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Approver role' });
    expect(screen.getByText('The list of roles could not be loaded: type the role’s key.')).toBeTruthy();
    await user.type(box, 'head_of_risk');
    expect(held()).toBe('head_of_risk');
  });
});

describe('person picker', () => {
  it('searches the people as the analyst types (after a pause) and keeps the username of the one chosen', async () => {
    const server = fakeApi({
      'GET /api/people?q=chen&limit=20': people({ id: 'chen_jing', name: '陈静', branch: 'BR001' }, { id: 'chen_li', name: '陈立' }),
    });
    renderPage(<Held kind="person" initial="" />, server.client);
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Approver' }), 'chen');
    await screen.findByRole('option', { name: '陈静 · chen_jing · BR001' });
    // The pause before asking: one search for the four letters, not four.
    expect(server.requests.filter((r) => r.url.startsWith('/api/people'))).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('2 choices: Down and Up go through them, Enter chooses.');
    await user.keyboard('{Enter}');
    expect(held()).toBe('chen_jing');
    expect((screen.getByRole('combobox', { name: 'Approver' }) as HTMLInputElement).value).toBe('陈静 · chen_jing · BR001');
  });

  it('names a person a saved flow already holds', async () => {
    renderPage(<Held kind="person" initial="zhang_wei" />, fakeApi({ 'GET /api/people?q=zhang_wei&limit=20': people({ id: 'zhang_wei', name: '张伟', branch: 'BR001' }) }).client);
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Approver' }) as HTMLInputElement).value).toBe('张伟 · zhang_wei · BR001'));
  });
});
