import { sequence, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import RecordPage from '../../record/RecordPage.js';
import { loanCase, loanFlow, loanPage, loanRecord, submittedEntry } from '../../testing/approvals.js';
import { initTestI18n } from '../../testing/i18n.js';
import { renderRoute } from '../../testing/render-route.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

function renderLoan(routes: Record<string, FakeHandler | FakeResponse>) {
  return renderRoute(<RecordPage importModule={async () => ({})} />, {
    path: '/crm/loan/L1',
    pattern: '/:app/:entity/:id',
    routes: {
      'GET /api/runtime/entities/loan': { body: loanPage },
      'GET /api/records/loan/L1': { body: loanRecord },
      'GET /api/flows/instances?record=L1': { body: { items: [] } },
      ...routes,
    },
  });
}

const approvals = () => screen.getByRole('region', { name: 'Approvals' });

describe('the record page with approval flows', () => {
  it('shows the fields the flow sets read-only, saying so, and leaves them out of a save', async () => {
    const { server } = renderLoan({ 'PATCH /api/records/loan/L1': { body: { ...loanRecord, version: 4, purpose: 'Equipment' } } });
    const user = userEvent.setup();
    const status = await screen.findByRole('combobox', { name: 'Status' });
    expect(status).toHaveProperty('disabled', true);
    expect(screen.getByRole('textbox', { name: 'Approved amount' })).toHaveProperty('readOnly', true);
    const hint = document.getElementById(status.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(hint.textContent).toBe('Set by the approval flow');
    expect(screen.getByRole('textbox', { name: 'Purpose' })).toHaveProperty('readOnly', false);

    await user.clear(screen.getByRole('textbox', { name: 'Purpose' }));
    await user.type(screen.getByRole('textbox', { name: 'Purpose' }), 'Equipment');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ purpose: 'Equipment', version: 3 });
  });

  it('submits a record for approval, then shows the case with its trail and offers no second submission', async () => {
    const started = loanCase({ trail: [submittedEntry] });
    const { server } = renderLoan({
      'GET /api/records/loan/L1': sequence({ body: loanRecord }, { body: { ...loanRecord, version: 4, status: 'draft' } }),
      'POST /api/flows/loan_approval/instances': { status: 201, body: started },
    });
    const user = userEvent.setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Approvals' })).findByRole('button', { name: 'Submit for approval' }));
    expect(screen.getByText('This record has not been submitted for approval.')).toBeTruthy();
    const dialog = screen.getByRole('dialog', { name: 'Submit for approval: Loan approval' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Comment (optional)' }), 'Urgent: the customer signs on Friday');
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Submitted for approval: Loan approval.')).toBeTruthy();
    const post = server.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ recordId: 'L1', comment: 'Urgent: the customer signs on Friday' });
    expect(post.headers['idempotency-key']).toBeTruthy();
    expect(within(approvals()).getByRole('link', { name: 'Loan approval' }).getAttribute('href')).toBe('/cases/k1');
    expect(approvals().textContent).toContain('In approval');
    expect(approvals().textContent).toMatch(/Credit review, since/);
    expect(within(approvals()).getByRole('region', { name: 'Approval trail' }).textContent).toContain('Submitted for approval');
    expect(within(approvals()).queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    // The flow may have set fields it owns: the record is read again.
    await waitFor(() => expect(server.requests.filter((r) => r.url === '/api/records/loan/L1')).toHaveLength(2));
  });

  it('offers no submission while a case of the flow runs, and opens its trail on request', async () => {
    const { server } = renderLoan({
      'GET /api/flows/instances?record=L1': { body: { items: [loanCase()] } },
      'GET /api/flows/instances/k1': { body: loanCase() },
    });
    const user = userEvent.setup();
    const toggle = await within(await screen.findByRole('region', { name: 'Approvals' })).findByRole('button', { name: 'Show the trail of Loan approval' });
    expect(within(approvals()).queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    expect(approvals().textContent).toContain('In approval');
    expect(approvals().textContent).toContain('with Zhang Min');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    const trail = await within(approvals()).findByRole('region', { name: 'Approval trail' });
    expect(within(trail).getAllByRole('listitem')).toHaveLength(2);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide the trail of Loan approval');
    expect(server.requests.filter((r) => r.url === '/api/flows/instances/k1')).toHaveLength(1);
  });

  it('offers no submission to a reader who may not start the flow', async () => {
    renderLoan({ 'GET /api/runtime/entities/loan': { body: { ...loanPage, flows: [{ ...loanFlow, canStart: false }] } } });
    expect(await screen.findByText('This record has not been submitted for approval.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Submit for approval/ })).toBeNull();
  });

  it('asks for no cases on the page of an entity without approval flows', async () => {
    const { server } = renderLoan({ 'GET /api/runtime/entities/loan': { body: { ...loanPage, flows: undefined } } });
    await screen.findByRole('textbox', { name: 'Purpose' });
    expect(screen.queryByRole('region', { name: 'Approvals' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveProperty('disabled', false);
    expect(server.requests.some((r) => r.url.startsWith('/api/flows'))).toBe(false);
  });
});
