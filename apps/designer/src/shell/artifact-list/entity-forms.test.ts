import { describe, expect, it } from 'vitest';
import { fakeApi } from '@bankforge/app-shell/testing';
import { entityHasForm } from './entity-forms.js';

const summary = (key: string) => ({ kind: 'form', key, title: key, revision: 1, latestVersion: null, state: 'draft', updatedAt: '2026-03-03T10:00:00.000Z' });
const draft = (key: string, entity: string) => ({ body: { document: { kind: 'form', key, title: key, entity, layout: [] }, revision: 1, latestVersion: null } });

describe('entityHasForm', () => {
  const server = fakeApi({
    'GET /api/artifacts/form': { body: [summary('customer_form'), summary('loan_form')] },
    'GET /api/artifacts/form/customer_form': draft('customer_form', 'customer'),
    'GET /api/artifacts/form/loan_form': draft('loan_form', 'loan'),
  });

  it('finds a form bound to the entity in the forms’ drafts', async () => {
    expect(await entityHasForm(server.client, 'loan')).toBe(true);
    expect(await entityHasForm(server.client, 'customer')).toBe(true);
  });

  it('answers false when no form is bound to the entity', async () => {
    expect(await entityHasForm(server.client, 'account')).toBe(false);
  });

  it('answers false when there are no forms at all', async () => {
    expect(await entityHasForm(fakeApi({ 'GET /api/artifacts/form': { body: [] } }).client, 'customer')).toBe(false);
  });
});
