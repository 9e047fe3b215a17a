import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, type RecordedRequest } from '@bankforge/app-shell/testing';
import type { RecordData, RuntimeEntityPage } from '@bankforge/client';
import { branchEntity, customerEntity } from '@bankforge/example-bank-crm';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../../shell/testing/i18n.js';
import { DecisionTestPanel } from '../DecisionTestPanel.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

/** Is the product suitable for the customer: their segment, tolerance and AUM against the product's risk. */
const suitability: DecisionArtifact = {
  kind: 'decision',
  key: 'suit',
  title: 'Suitability',
  inputData: [
    { name: 'CustomerSegment', typeRef: 'string' },
    { name: 'CustomerRiskTolerance', typeRef: 'string' },
    { name: 'ProductRiskLevel', typeRef: 'string' },
    { name: 'AUM', typeRef: 'number' },
  ],
  decisions: [
    {
      name: 'Suitable',
      requirements: { inputs: ['CustomerSegment', 'CustomerRiskTolerance', 'ProductRiskLevel', 'AUM'] },
      logic: { kind: 'literalExpression', text: 'if ProductRiskLevel <= CustomerRiskTolerance then CustomerSegment else "no"' },
    },
  ],
};

const summary = (key: string, latestVersion: number | null = 1) => ({ kind: 'entity', key, title: key, revision: 1, latestVersion, state: 'published', updatedAt: '' });
const page = (entity: RuntimeEntityPage['entity'], fieldAccess: RuntimeEntityPage['fieldAccess'] = {}): RuntimeEntityPage => ({ entity, form: null, related: {}, validators: {}, fieldAccess });
const customer = (no: string, name: string, segment: string, risk: string): RecordData => ({
  id: `id-${no}`,
  version: 1,
  customer_no: no,
  name,
  segment,
  risk_level: risk,
  aum: { amount: '***', currency: 'CNY' },
});

function renderPanel(routes: Parameters<typeof fakeApi>[0] = {}) {
  const server = fakeApi({
    'GET /api/artifacts/entity': { body: [summary('branch'), summary('customer'), summary('draft_only', null), summary('loan_application')] },
    'GET /api/runtime/entities/branch': { body: page(branchEntity) },
    'GET /api/runtime/entities/customer': { body: page(customerEntity, { name: 'masked', aum: 'masked' }) },
    'GET /api/runtime/entities/loan_application': problem(403, 'forbidden'),
    'POST /api/records/customer/query': (request: RecordedRequest) => {
      const filter = (request.body as { filter?: unknown }).filter;
      return { body: { items: filter === undefined ? [customer('C0000000001', '王**', 'mass', 'R2'), customer('C0000000002', '李**', 'affluent', 'R4')] : [customer('C0000000002', '李**', 'affluent', 'R4')], nextCursor: null } };
    },
    ...routes,
  });
  render(
    <ApiClientProvider client={server.client}>
      <DecisionTestPanel artifact={suitability} onChange={() => undefined} />
    </ApiClientProvider>,
  );
  return { server, user: userEvent.setup() };
}

describe('Fill from a record', () => {
  it('offers the readable entity whose fields the inputs name most, finds a record, fills the inputs named like its fields, and says what it left', async () => {
    const { server, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Fill from a record…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fill the inputs from a record' });
    const entity = await within(dialog).findByRole('combobox', { name: 'Records of' });
    // Customer fills three inputs, the branch none; the loan application is not readable, the draft entity not published.
    expect(within(entity).getAllByRole('option').map((o) => o.textContent)).toEqual(['Customer (3 inputs named like fields)', 'Branch (0 inputs named like fields)']);
    expect(await within(dialog).findByText('C0000000001')).toBeTruthy();
    // Each record says what it would give the inputs (the masked AUM not).
    expect(within(dialog).getByText('Segment: mass · Risk tolerance: R2')).toBeTruthy();
    expect(within(dialog).getByText('Part of: Customer number, Relationship manager')).toBeTruthy();

    await user.type(within(dialog).getByRole('searchbox', { name: 'Search' }), '0002');
    await user.click(within(dialog).getByRole('button', { name: 'Search' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Fill from C0000000002' }));
    const query = server.requests.filter((r) => r.url === '/api/records/customer/query').at(-1)!;
    // The masked name is not searched (the server refuses a filter on it).
    expect(query.body).toEqual({ limit: 10, filter: { or: [{ field: 'customer_no', op: 'contains', value: '0002' }, { field: 'rm_name', op: 'contains', value: '0002' }] } });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByLabelText('CustomerSegment') as HTMLInputElement).value).toBe('affluent');
    expect((screen.getByLabelText('CustomerRiskTolerance') as HTMLInputElement).value).toBe('R4');
    expect((screen.getByLabelText('AUM') as HTMLInputElement).value).toBe('');
    const report = screen.getByRole('region', { name: 'Filled from Customer C0000000002' });
    expect(within(report).getByRole('status').textContent).toBe('2 of 4 inputs filled. Give the others, then evaluate.');
    expect(within(report).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'CustomerSegment ← Segment: affluent',
      'CustomerRiskTolerance ← Risk tolerance: R4',
      'ProductRiskLevel: no field of Customer is named like it',
      'AUM: not used: Assets under management is masked for you',
    ]);

    await user.type(screen.getByLabelText('ProductRiskLevel'), 'R3');
    await user.click(screen.getByRole('button', { name: 'Evaluate the draft' }));
    const outputs = await screen.findByRole('table', { name: 'Outputs' });
    expect(within(outputs).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['result"affluent"']);
  });

  it('says so when the reader may read no entity', async () => {
    const { user } = renderPanel({ 'GET /api/runtime/entities/branch': problem(403, 'forbidden'), 'GET /api/runtime/entities/customer': problem(403, 'forbidden') });
    await user.click(screen.getByRole('button', { name: 'Fill from a record…' }));
    expect(await screen.findByText('There is no published entity whose records you may read.')).toBeTruthy();
  });
});
