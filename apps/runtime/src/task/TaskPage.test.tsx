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

  it('returns the case to a step it went through, and delegates to a user', async () => {
    const rmCheck = { seq: 0, at: '2026-03-01T01:00:00Z', action: 'approve', nodeId: 'rm_check', nodeName: { en: 'RM check', 'zh-CN': '客户经理核查' }, actor: people.rm, text: { en: 'Checked', 'zh-CN': '已核查' } };
    const { server } = renderTask({
      'GET /api/tasks/t1': { body: loanTask({ actions: ['return', 'delegate'] }) },
      'GET /api/flows/instances/k1': { body: loanCase({ trail: [rmCheck, submittedEntry, reviewEntry] }) },
      'POST /api/tasks/t1/return': { body: loanCase() },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Return' }));
    let dialog = screen.getByRole('dialog', { name: 'Return Wang Fang' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Return to' }), 'RM check');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Add the tax return');
    await user.click(within(dialog).getByRole('button', { name: 'Return' }));
    await waitFor(() => expect(where()).toBe('/inbox'));
    expect(posts(server)[0]!.body).toEqual({ comment: 'Add the tax return', returnToNodeId: 'rm_check' });
    cleanup();

    const second = renderTask({ 'GET /api/tasks/t1': { body: loanTask({ actions: ['delegate'] }) }, 'POST /api/tasks/t1/delegate': { body: loanCase() } });
    await user.click(await screen.findByRole('button', { name: 'Delegate' }));
    dialog = screen.getByRole('dialog', { name: 'Delegate Wang Fang' });
    await user.click(within(dialog).getByRole('button', { name: 'Delegate' }));
    expect(within(dialog).getByText('Give the user ID of the person.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'User ID' }), 'u-head');
    await user.click(within(dialog).getByRole('button', { name: 'Delegate' }));
    await waitFor(() => expect(where()).toBe('/inbox'));
    expect(posts(second.server)[0]!.body).toEqual({ delegateTo: 'u-head' });
  });
});
