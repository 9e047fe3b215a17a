import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../testing/i18n.js';
import { TransferAction } from './TransferAction.js';

const people = { body: { items: [{ id: 'li_qiang', name: '李强', branch: 'SH001' }] } };
const transferred = { body: { transferred: [{ id: 'c1', version: 3 }], unchanged: [], related: { contact: 2 }, to: { id: 'u-li', displayName: '李强' } } };

function renderAction(routes: Record<string, FakeHandler | FakeResponse>, ids = ['c1'], selection = false) {
  const server = fakeApi(routes);
  const onTransferred = vi.fn();
  const view = (chosen: readonly string[]) => (
    <ApiClientProvider client={server.client}>
      <TransferAction entity="customer" ids={chosen} selection={selection} onTransferred={onTransferred} />
    </ApiClientProvider>
  );
  const { rerender } = render(view(ids));
  return { server, onTransferred, reselect: (chosen: readonly string[]) => rerender(view(chosen)) };
}

describe('TransferAction', () => {
  beforeEach(async () => {
    await initTestI18n('en');
  });

  it('asks for the new owner and a reason before sending, then transfers and says to whom', async () => {
    const { server, onTransferred } = renderAction({ 'GET /api/people?q=li&limit=20': people, 'POST /api/records/customer/transfer': transferred });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Transfer owner…' }));
    const dialog = screen.getByRole('dialog', { name: 'Transfer to another owner' });
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(within(dialog).getAllByRole('alert').map((a) => a.textContent)).toEqual(['Choose the new owner.', 'Give a reason of at least 4 characters.']);
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
    await user.type(within(dialog).getByRole('combobox', { name: 'New owner' }), 'li');
    await user.click(await within(dialog).findByRole('option', { name: '李强 · li_qiang · SH001' }));
    await user.type(within(dialog).getByLabelText('Reason'), '王芳调岗');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(onTransferred).toHaveBeenCalledTimes(1));
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ ids: ['c1'], to: 'li_qiang', reason: '王芳调岗' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Transferred to 李强.');
  });

  it('transfers the rows chosen when it opened, though the list reloads behind the dialog and clears its selection', async () => {
    const { server, onTransferred, reselect } = renderAction({ 'GET /api/people?q=li&limit=20': people, 'POST /api/records/customer/transfer': transferred }, ['c1'], true);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Transfer 1 record…' }));
    reselect([]);
    const dialog = screen.getByRole('dialog', { name: 'Transfer to another owner' });
    await user.type(within(dialog).getByRole('combobox', { name: 'New owner' }), 'li');
    await user.click(await within(dialog).findByRole('option', { name: '李强 · li_qiang · SH001' }));
    await user.type(within(dialog).getByLabelText('Reason'), '王芳调岗');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(onTransferred).toHaveBeenCalledTimes(1));
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ ids: ['c1'], to: 'li_qiang', reason: '王芳调岗' });
  });

  it("shows the server's refusal in Chinese at the field it names, and stays open with nothing changed", async () => {
    await initTestI18n('zh-CN');
    const refusal = problem(422, 'transferOwnerNotAllowed', { errors: [{ path: '/to', code: 'ownerNotAllowed', message: 'not an active person within your transfer scope', messageZh: '不是您可转移范围内的在职人员' }] });
    const { onTransferred } = renderAction({ 'GET /api/people?q=li&limit=20': people, 'POST /api/records/customer/transfer': refusal }, ['c1', 'c2'], true);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '转移 2 条记录…' }));
    const dialog = screen.getByRole('dialog', { name: '转移给其他负责人' });
    await user.type(within(dialog).getByRole('combobox', { name: '新负责人' }), 'li');
    await user.click(await within(dialog).findByRole('option', { name: '李强 · li_qiang · SH001' }));
    await user.type(within(dialog).getByLabelText('转移原因'), '客户迁移');
    await user.click(within(dialog).getByRole('button', { name: '确认转移' }));
    expect(await within(dialog).findByText('不是您可转移范围内的在职人员')).toBeTruthy();
    expect(within(dialog).getByText('转移未完成，数据未作任何更改。')).toBeTruthy();
    expect(onTransferred).not.toHaveBeenCalled();
  });
});
