import { ApiClient } from '@bankforge/client';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem, type FakeResponse } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../../../shell/testing/i18n.js';
import { riskBand } from '../testing/risk-band.js';
import { changedOutputs } from './BacktestChanges.js';
import { DecisionBacktest } from './DecisionBacktest.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const BACKTEST = 'POST /api/decisions/risk_band/backtest';
const answer = {
  key: 'risk_band',
  version: 3,
  evaluated: 998,
  changed: 2,
  unchanged: 995,
  failed: 1,
  skipped: 2,
  changes: [
    {
      evaluationId: 'e2',
      at: '2026-03-05T08:00:00.000Z',
      inputs: { CreditScore: 690, Segment: 'retail' },
      before: { band: 'B', limit: 50000 },
      after: { band: 'A', limit: 50000 },
    },
    {
      evaluationId: 'e1',
      at: '2026-03-04T08:00:00.000Z',
      inputs: { CreditScore: 595, Segment: 'private' },
      before: { band: 'C', limit: 20000 },
      after: { band: 'C', limit: '25000.00' },
    },
  ],
};

/** The backtest over a fake server whose answer waits for `release`, so the progress can be seen. */
function renderBacktest(response: FakeResponse) {
  const server = fakeApi({ [BACKTEST]: response });
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = new ApiClient({ fetch: async (input, init) => (await gate, server.fetch(input, init)) });
  const artifact = riskBand();
  render(
    <ApiClientProvider client={client}>
      <DecisionBacktest artifact={artifact} />
    </ApiClientProvider>,
  );
  return { server, artifact, release, user: userEvent.setup() };
}

describe('DecisionBacktest', () => {
  it('replays the draft against the last 1000 evaluations by default, with progress, then the counts and the changed answers', async () => {
    const { server, artifact, release, user } = renderBacktest({ body: answer });
    await user.click(screen.getByRole('button', { name: 'Backtest against the last 1000 evaluations' }));
    expect(screen.getByRole('progressbar', { name: 'Replaying the latest 1000 evaluations…' })).toBeTruthy();
    expect((screen.getByRole('button', { name: /Backtest against/ }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    release();

    const counts = await screen.findByLabelText('Backtest counts');
    expect(
      within(counts)
        .getAllByRole('definition')
        .map((d) => d.textContent),
    ).toEqual(['998', '2', '995', '1', '2']);
    expect(screen.getByText('Against published version 3')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const rows = within(screen.getByRole('table', { name: 'Changed answers' }))
      .getAllByRole('row')
      .slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(1)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['{ "CreditScore": 690, "Segment": "retail" }', 'band: "B" → "A"'],
      ['{ "CreditScore": 595, "Segment": "private" }', 'limit: 20000 → "25000.00"'],
    ]);
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/api/decisions/risk_band/backtest',
        body: { document: artifact, limit: 1000 },
      }),
    ]);
  });

  it('replays as many evaluations as asked, and refuses a count out of range', async () => {
    const { server, release, user } = renderBacktest({
      body: { ...answer, evaluated: 50, changed: 0, unchanged: 50, failed: 0, skipped: 0, changes: [] },
    });
    release();
    const field = screen.getByLabelText('Evaluations to replay');
    await user.clear(field);
    await user.type(field, '20000');
    await user.click(screen.getByRole('button', { name: 'Backtest against the last 20000 evaluations' }));
    expect(screen.getByText('Enter a whole number from 1 to 10000.')).toBeTruthy();
    expect(server.requests).toEqual([]);

    await user.clear(field);
    await user.type(field, '50');
    await user.click(screen.getByRole('button', { name: 'Backtest against the last 50 evaluations' }));
    expect(await screen.findByText('No answer would change.')).toBeTruthy();
    expect((server.requests[0]!.body as { limit: number }).limit).toBe(50);
  });

  it('says so when the reader may not run backtests (403)', async () => {
    const { release, user } = renderBacktest(problem(403, 'forbidden'));
    release();
    await user.click(screen.getByRole('button', { name: /Backtest against/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Backtests need the right to edit decisions, which your roles do not give.',
    );
  });

  it('lists what is wrong with a draft the server will not take (422), and says when nothing is published (404)', async () => {
    const invalid = problem(422, 'invalidArtifact', {
      errors: [
        {
          path: '/document/decisions/0/logic/rules/1/inputEntries/0',
          code: 'feelSyntax',
          message: 'Not FEEL: >>= 700',
        },
      ],
    });
    const { release, user } = renderBacktest(invalid);
    release();
    await user.click(screen.getByRole('button', { name: /Backtest against/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The draft cannot be backtested until these are fixed:')).toBeTruthy();
    expect(within(alert).getByText('Not FEEL: >>= 700')).toBeTruthy();
    cleanup();

    const unpublished = renderBacktest(problem(404, 'decisionNotFound'));
    unpublished.release();
    await unpublished.user.click(screen.getByRole('button', { name: /Backtest against/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The decision is not published yet: there are no evaluations to replay.',
    );
  });
});

describe('changedOutputs', () => {
  it('names only the outputs that differ; a number equals its decimal text', () => {
    expect(changedOutputs({ band: 'B', limit: 50000 }, { band: 'A', limit: '50000.00' })).toEqual([
      'band: "B" → "A"',
    ]);
    expect(changedOutputs({ band: 'B' }, { band: 'B', note: 'new' })).toEqual(['note: null → "new"']);
  });
});
