import { problem, sequence, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loanCase, loanPage, loanRecord, loanTask, people, reviewEntry, submittedEntry } from '../testing/approvals.js';
import { initTestI18n } from '../testing/i18n.js';
import { renderRoute, where } from '../testing/render-route.js';
import TaskPage from './TaskPage.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

function renderTask(routes: Record<string, FakeHandler | FakeResponse>) {
  return renderRoute(<TaskPage importModule={async () => ({})} />, {
    path: '/tasks/t1',
    pattern: '/tasks/:id',
    routes: {
      'GET /api/tasks/t1': { body: loanTask() },
      'GET /api/flows/instances/k1': { body: loanCase() },
      'GET /api/runtime/entities/loan': { body: loanPage },
      'GET /api/records/loan/L1': { body: loanRecord },
      ...routes,
    },
  });
}

const posts = (server: { requests: { method: string; url: string; body: unknown }[] }) => server.requests.filter((r) => r.method === 'POST');

describe('TaskPage', () => {
  it('shows the task, the record read-only and the trail, and approves with a comment and the fields the step lets the approver set', async () => {
    const { server } = renderTask({
      'GET /api/tasks/t1': { body: loanTask({ editableFields: ['approved_amount'] }) },
      'POST /api/tasks/t1/approve': { body: loanCase({ status: 'completed', outcome: 'approved' }) },
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Credit review: Wang Fang' })).toBeTruthy();
    const decision = await screen.findByRole('region', { name: 'Your decision' });
    const record = screen.getByRole('region', { name: 'The application' });
    expect(within(record).getByRole('textbox', { name: 'Applicant' })).toHaveProperty('value', 'Wang Fang');
    expect(within(record).getByRole('textbox', { name: 'Applicant' })).toHaveProperty('disabled', true);
    expect(within(decision).queryByRole('textbox', { name: 'Applicant' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Wang Fang' }).getAttribute('href')).toBe('/crm/loan/L1');
    const trail = screen.getByRole('region', { name: 'Approval trail' });
    expect(within(trail).getAllByRole('listitem')).toHaveLength(2);

    await user.type(within(decision).getByRole('textbox', { name: 'Approved amount' }), '1000000');
    await user.click(within(screen.getByRole('group', { name: 'Actions' })).getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve Wang Fang' });
    const comment = within(dialog).getByRole('textbox', { name: 'Comment (optional)' });
    expect(document.activeElement).toBe(comment);
    await user.type(comment, 'Collateral checked; approve 1M.');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(where()).toBe('/inbox'));
    const [approve] = posts(server);
    expect(approve!.url).toBe('/api/tasks/t1/approve');
    expect(approve!.body).toEqual({ comment: 'Collateral checked; approve 1M.', fields: { approved_amount: { amount: '1000000.00', currency: 'CNY' } } });
  });

  it('offers the initiator of a returned case to resubmit it', async () => {
    const { server } = renderTask({
      'GET /api/tasks/t1': { body: loanTask({ nodeId: 'start', resubmit: true, actions: ['approve', 'comment'] }) },
      'POST /api/tasks/t1/approve': { body: loanCase() },
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Amend and resubmit: Wang Fang' })).toBeTruthy();
    const actions = await screen.findByRole('group', { name: 'Actions' });
    expect(within(actions).queryByRole('button', { name: 'Approve' })).toBeNull();
    await user.click(within(actions).getByRole('button', { name: 'Resubmit' }));
    const dialog = screen.getByRole('dialog', { name: 'Resubmit Wang Fang' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Comment (optional)' }), 'Income certificate attached');
    await user.click(within(dialog).getByRole('button', { name: 'Resubmit' }));
    await waitFor(() => expect(posts(server).map((p) => p.url)).toEqual(['/api/tasks/t1/approve']));
    expect(posts(server)[0]!.body).toEqual({ comment: 'Income certificate attached' });
  });

  it('holds the approval until the fields to complete are valid, focusing the first one in error', async () => {
    const entity = { ...loanPage.entity, fields: loanPage.entity.fields.map((field) => (field.key === 'approved_amount' ? { ...field, required: true } : field)) };
    const { server } = renderTask({
      'GET /api/tasks/t1': { body: loanTask({ editableFields: ['approved_amount'] }) },
      'GET /api/runtime/entities/loan': { body: { ...loanPage, entity } },
    });
    const user = userEvent.setup();
    const amount = await within(await screen.findByRole('region', { name: 'Your decision' })).findByRole('textbox', { name: /Approved amount/ });
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Correct the marked fields before approving.');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(amount));
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(posts(server)).toHaveLength(0);

    await user.type(amount, '800000');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(screen.getByRole('dialog', { name: 'Approve Wang Fang' })).toBeTruthy();
  });

  it('wants a reason to reject, and sends it', async () => {
    const { server } = renderTask({ 'POST /api/tasks/t1/reject': { body: loanCase({ status: 'completed', outcome: 'rejected' }) } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject Wang Fang' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    const reason = within(dialog).getByRole('textbox', { name: 'Reason' });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason);
    expect(within(dialog).getByText('Give a reason.').id).toBe(reason.getAttribute('aria-describedby'));
    expect(posts(server)).toHaveLength(0);

    await user.type(reason, 'Income not proven');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(where()).toBe('/inbox'));
    expect(posts(server).map((r) => [r.url, r.body])).toEqual([['/api/tasks/t1/reject', { comment: 'Income not proven' }]]);
  });

  it('says someone else acted first when the approval conflicts, and shows the task as it is now', async () => {
    const othersApproval = {
      seq: 3,
      at: '2026-03-03T02:00:00Z',
      action: 'approve',
      actor: people.head,
      nodeId: 'review',
      nodeName: reviewEntry.nodeName!,
      text: { en: 'Approved by Chen Jun', 'zh-CN': 'Chen Jun 已批准' },
    };
    const { server } = renderTask({
      'GET /api/tasks/t1': sequence({ body: loanTask() }, { body: loanTask({ status: 'closed', actions: [] }) }),
      'GET /api/flows/instances/k1': sequence({ body: loanCase() }, { body: loanCase({ status: 'completed', trail: [submittedEntry, reviewEntry, othersApproval], tasks: [] }) }),
      'POST /api/tasks/t1/approve': problem(409, 'conflict', { detail: 'The task was completed by another approver.' }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else acted on this task first.');
    expect(await screen.findByText('This task is closed: nothing is left to do on it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Approval trail' }).textContent).toContain('Approved by Chen Jun');
    expect(where()).toBe('/tasks/t1');
    expect(server.requests.filter((r) => r.url === '/api/tasks/t1')).toHaveLength(2);
  });

  it('explains a refusal in the bank words, and stays on the task', async () => {
    renderTask({ 'POST /api/tasks/t1/approve': problem(403, 'makerChecker') });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You started this case, so you cannot approve it: another person must check it.');
    expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy();
    expect(where()).toBe('/tasks/t1');
  });

  it('returns the case where the flow allows, the step before first, or says there is nowhere to return it', async () => {
    const initiator = { nodeId: 'start', name: { en: 'The initiator (amend and resubmit)', 'zh-CN': '发起人（修改后重新提交）' } };
    const { server } = renderTask({
      'GET /api/tasks/t1': { body: loanTask({ actions: ['return'], returnTargets: [{ nodeId: 'rm_check', name: { en: 'RM check', 'zh-CN': '客户经理核查' } }, initiator] }) },
      'POST /api/tasks/t1/return': { body: loanCase() },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Return' }));
    let dialog = screen.getByRole('dialog', { name: 'Return Wang Fang' });
    const target = within(dialog).getByRole('combobox', { name: 'Return to' });
    expect(within(target).getAllByRole('option').map((o) => o.textContent)).toEqual(['RM check', 'The initiator (amend and resubmit)']);
    expect(target).toHaveProperty('value', 'rm_check');
    await user.selectOptions(target, 'The initiator (amend and resubmit)');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Add the tax return');
    await user.click(within(dialog).getByRole('button', { name: 'Return' }));
    await waitFor(() => expect(where()).toBe('/inbox'));
    expect(posts(server)[0]!.body).toEqual({ comment: 'Add the tax return', returnToNodeId: 'start' });
    cleanup();

    renderTask({ 'GET /api/tasks/t1': { body: loanTask({ actions: ['return'], returnTargets: [] }) } });
    await user.click(await screen.findByRole('button', { name: 'Return' }));
    dialog = screen.getByRole('dialog', { name: 'Return Wang Fang' });
    expect(within(dialog).getByText('There is no earlier step to return this case to.')).toBeTruthy();
    expect(within(dialog).queryByRole('combobox')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Return' })).toHaveProperty('disabled', true);
  });

  /** The people search answers for "chen": the task's assignee and its initiator among them, who are not offered. */
  const chen = {
    body: {
      items: [
        { id: 'u-co', name: 'Zhang Min', branch: 'HQ' },
        { id: 'u-rm', name: 'Li Wei', branch: 'SH01' },
        { id: 'u-head', name: 'Chen Jun', branch: 'HQ' },
        { id: 'u-ops', name: 'Chen Hui', branch: 'SH01' },
      ],
    },
  };

  it('delegates to a colleague chosen with the keyboard from the people picker, not to one already on the task', async () => {
    const { server } = renderTask({
      'GET /api/tasks/t1': { body: loanTask({ actions: ['delegate'] }) },
      'GET /api/people?q=chen&limit=20': chen,
      'GET /api/people?limit=20': chen,
      'POST /api/tasks/t1/delegate': { body: loanCase() },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delegate' }));
    const dialog = screen.getByRole('dialog', { name: 'Delegate Wang Fang' });
    await user.click(within(dialog).getByRole('button', { name: 'Delegate' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Choose the person from the list: type part of their name.');
    const person = within(dialog).getByRole('combobox', { name: 'Person' });
    expect(document.activeElement).toBe(person);
    await user.type(person, 'chen');
    const options = await within(dialog).findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Chen Jun · u-head · HQ', 'Chen Hui · u-ops · SH01']);
    expect(person.getAttribute('aria-expanded')).toBe('true');
    expect(person.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    await user.keyboard('{ArrowDown}');
    expect(person.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(person).toHaveProperty('value', 'Chen Hui · u-ops · SH01');
    expect(screen.getByRole('dialog')).toBe(dialog);
    // Escape closes an open list (Down opens it on everyone), not the dialog.
    await user.keyboard('{ArrowDown}');
    await within(dialog).findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(person.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('dialog')).toBe(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Delegate' }));
    await waitFor(() => expect(where()).toBe('/inbox'));
    expect(posts(server)[0]!.body).toEqual({ delegateTo: 'u-ops' });
  });

  it('explains in the dialog, in Chinese, why the server refused the person, until another is chosen', async () => {
    await initTestI18n('zh-CN');
    const { server } = renderTask({
      'GET /api/tasks/t1': { body: loanTask({ actions: ['addApprover'] }) },
      'GET /api/people?q=chen&limit=20': chen,
      'POST /api/tasks/t1/addApprover': sequence(problem(422, 'unknownPerson'), problem(422, 'invalidPayload'), { body: loanCase() }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '加签' }));
    const dialog = screen.getByRole('dialog', { name: '为 Wang Fang 加签' });
    const person = within(dialog).getByRole('combobox', { name: '人员' });
    await user.type(person, 'chen');
    await within(dialog).findAllByRole('option');
    await user.keyboard('{Enter}');
    await user.click(within(dialog).getByRole('radio', { name: '在我之前' }));
    const confirm = within(dialog).getByRole('button', { name: '加签' });
    await user.click(confirm);
    expect((await within(dialog).findByRole('alert')).textContent).toBe('此人不是在职同事，请选择其他人员。');
    await user.click(confirm);
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('此人已是该任务的审批人，请选择其他人员。'));
    // Another person: the refusal of the first no longer stands.
    await user.clear(person);
    await user.type(person, 'chen');
    await within(dialog).findAllByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(confirm);
    await waitFor(() => expect(where()).toBe('/inbox'));
    expect(posts(server).map((p) => p.body)).toEqual([
      { addApprover: { userId: 'u-head', position: 'before' } },
      { addApprover: { userId: 'u-head', position: 'before' } },
      { addApprover: { userId: 'u-ops', position: 'before' } },
    ]);
  });
});
