import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem } from '@bankforge/app-shell/testing';
import type { ApiProblem } from '@bankforge/client';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../testing/i18n.js';
import { ExportButton } from './ExportButton.js';

beforeEach(async () => initTestI18n('en'));
afterEach(cleanup);

const search = {
  filter: { field: 'tier', op: 'eq' as const, value: 'gold' },
  sort: [{ field: 'full_name', direction: 'asc' as const }],
  fields: ['full_name', 'tier'],
};

describe('ExportButton', () => {
  it("exports the list's search, every page of it, and saves it as the entity's CSV file", async () => {
    const server = fakeApi({ 'POST /api/records/customer/export': { body: 'full_name,tier' } });
    const save = vi.fn();
    const problems: (ApiProblem | null)[] = [];
    render(
      <ApiClientProvider client={server.client}>
        <ExportButton entity="customer" search={search} save={save} onProblem={(p) => problems.push(p)} />
      </ApiClientProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export' }));
    await vi.waitFor(() => expect(save).toHaveBeenCalledOnce());
    expect(server.requests[0]!.body).toEqual(search);
    const [file, name] = save.mock.calls[0] as [Blob, string];
    expect([await file.text(), name]).toEqual(['"full_name,tier"', 'customer.csv']);
    expect(problems).toEqual([null]);
  });

  it("tells the list the server's refusal", async () => {
    const server = fakeApi({ 'POST /api/records/customer/export': problem(403, 'forbidden') });
    const problems: (ApiProblem | null)[] = [];
    render(
      <ApiClientProvider client={server.client}>
        <ExportButton
          entity="customer"
          search={search}
          save={() => undefined}
          onProblem={(p) => problems.push(p)}
        />
      </ApiClientProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export' }));
    await vi.waitFor(() => expect(problems.at(-1)?.code).toBe('forbidden'));
    expect(screen.getByRole('button', { name: 'Export' })).toHaveProperty('disabled', false);
  });
});
