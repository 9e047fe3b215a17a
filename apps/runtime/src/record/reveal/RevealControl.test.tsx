import type { FieldDefinition } from '@bankforge/data-model';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { act, cleanup, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../testing/i18n.js';
import { revealableFields } from './revealable.js';
import { RevealControl } from './RevealControl.js';
import { useRevealExtra } from './useRevealExtra.js';

beforeEach(() => initTestI18n('en'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const UNMASK = 'POST /api/records/customer/c1/unmask';
const residentId: FieldDefinition = { id: 'f_rid', key: 'resident_id', type: 'residentId', label: { en: 'Resident ID', 'zh-CN': '身份证号' } };
const birthDate: FieldDefinition = { id: 'f_birth', key: 'birth_date', type: 'date', label: { en: 'Date of birth', 'zh-CN': '出生日期' } };

function open(field: FieldDefinition, answer: FakeHandler | FakeResponse) {
  const server = fakeApi({ [UNMASK]: answer });
  let at = Date.parse('2026-12-06T10:00:00Z');
  const clock = { now: () => at, pass: (ms: number) => (at += ms) };
  render(
    <ApiClientProvider client={server.client}>
      <input aria-label="Elsewhere" />
      <RevealControl entity="customer" recordId="c1" field={field} now={clock.now} />
    </ApiClientProvider>,
  );
  return { server, clock };
}

describe('RevealControl', () => {
  it('asks why, reveals with the reason, counts down and masks again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { server, clock } = open(residentId, { body: { field: 'resident_id', value: '11010519850101001X', revealSeconds: 3 } });
    await user.click(screen.getByRole('button', { name: 'Reveal Resident ID' }));
    const dialog = screen.getByRole('dialog', { name: 'Reveal Resident ID' });
    // Too short a reason is said before anything is sent.
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'ok');
    await user.click(within(dialog).getByRole('button', { name: 'Reveal' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Write a reason of 4 to 500 characters.');
    expect(server.requests).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), ' - customer called to confirm identity');
    await user.click(within(dialog).getByRole('button', { name: 'Reveal' }));
    expect(await screen.findByText('11010519850101001X')).toBeTruthy();
    expect(server.requests[0]!.body).toEqual({ field: 'resident_id', reason: 'ok - customer called to confirm identity' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Resident ID shown in clear for 3 seconds.');
    expect(screen.getByText('hides in 3 s')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hide Resident ID now' }));
    // The reader moves on; the timer masks the value without pulling focus back.
    screen.getByRole('textbox', { name: 'Elsewhere' }).focus();
    clock.pass(1000);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(screen.getByText('hides in 2 s')).toBeTruthy();
    clock.pass(2000);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(screen.queryByText('11010519850101001X')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Resident ID masked again.');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Elsewhere' }));
    expect(screen.getByRole('button', { name: 'Reveal Resident ID' })).toBeTruthy();
  });

  it('hides at once on Hide, and gives the focus back to Reveal', async () => {
    const user = userEvent.setup();
    open(birthDate, { body: { field: 'birth_date', value: '1985-01-01', revealSeconds: 60 } });
    await user.click(screen.getByRole('button', { name: 'Reveal Date of birth' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Age check for the loan');
    // Keyboard only: from the reason to Reveal.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reveal' }));
    await user.keyboard('{Enter}');
    // Shown as the UI language writes dates.
    expect(await screen.findByText('01/01/1985')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(screen.queryByText('01/01/1985')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reveal Date of birth' })));
  });

  it('says so when the role may not reveal, and shows nothing', async () => {
    const user = userEvent.setup();
    open(residentId, problem(403, 'forbidden'));
    await user.click(screen.getByRole('button', { name: 'Reveal Resident ID' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Just curious');
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your role may not reveal this field.');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it("speaks Chinese and shows the server's own words about the reason", async () => {
    await initTestI18n('zh-CN');
    const user = userEvent.setup();
    open(residentId, problem(400, 'reasonRequired', { errors: [{ path: '/reason', code: 'reasonRequired', message: 'A reason of 4 to 500 characters is required', messageZh: '请填写 4 到 500 个字符的查看原因' }] }));
    await user.click(screen.getByRole('button', { name: '查看身份证号' }));
    const dialog = screen.getByRole('dialog', { name: '查看身份证号' });
    await user.type(within(dialog).getByRole('textbox', { name: '查看原因' }), '核实客户身份');
    await user.click(within(dialog).getByRole('button', { name: '查看' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('请填写 4 到 500 个字符的查看原因');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('revealableFields', () => {
  const page = { entity: { kind: 'entity' as const, key: 'customer', title: 'C', label: { en: 'C', 'zh-CN': 'C' }, fields: [residentId, birthDate] }, form: null, related: {}, validators: {} };
  it("offers only masked fields the server lists as the reader's to reveal, on stored records", () => {
    expect([...revealableFields({ ...page, fieldAccess: { resident_id: 'masked', birth_date: 'masked' }, revealable: ['resident_id', 'birth_date'] }, true)]).toEqual(['resident_id', 'birth_date']);
    expect([...revealableFields({ ...page, fieldAccess: { resident_id: 'masked' }, revealable: ['resident_id', 'birth_date'] }, true)]).toEqual(['resident_id']);
    expect([...revealableFields({ ...page, fieldAccess: { resident_id: 'masked' } }, true)]).toEqual([]);
    expect([...revealableFields({ ...page, fieldAccess: { resident_id: 'masked' }, revealable: ['resident_id'] }, false)]).toEqual([]);
  });
});

describe('useRevealExtra', () => {
  const page = {
    entity: { kind: 'entity' as const, key: 'customer', title: 'C', label: { en: 'C', 'zh-CN': 'C' }, fields: [residentId, birthDate] },
    form: null,
    related: {},
    validators: {},
    fieldAccess: { resident_id: 'masked' as const, birth_date: 'masked' as const },
    revealable: ['resident_id', 'birth_date'],
  };
  it('offers Reveal only beside a masked value there is: an empty one has nothing to reveal', () => {
    const { result } = renderHook(() => useRevealExtra(page, { id: 'c1', version: 1, resident_id: '3101************66', birth_date: null }, 'c1'));
    expect(result.current?.('resident_id')).toBeTruthy();
    expect(result.current?.('birth_date')).toBeUndefined();
    expect(renderHook(() => useRevealExtra(page, null, undefined)).result.current).toBeUndefined();
  });
});
