import type { DecisionArtifact, DecisionTable } from '@bankforge/rule-engine';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderPage } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../../shell/testing/i18n.js';
import DecisionDesigner from '../DecisionDesigner.js';
import { riskBand } from '../test-panel/testing/risk-band.js';
import { giveElementsHeight } from '../testing/layout.js';

beforeAll(() => initTestI18n('en'));
beforeEach(() => giveElementsHeight());
afterEach(cleanup);

const BASE = '/api/artifacts/decision/risk_band';
const high = { name: 'high', inputs: { CreditScore: 720 }, expected: { band: 'A' } };

function openDesigner(draft: DecisionArtifact) {
  let revision = 1;
  const server = fakeApi({
    [`GET ${BASE}`]: { body: { document: draft, revision, latestVersion: 1 } },
    [`GET ${BASE}?version=1`]: {
      body: { document: { ...riskBand(), version: 1 }, revision, latestVersion: 1 },
    },
    [`GET ${BASE}/versions`]: {
      body: [{ version: 1, publishedAt: '2026-01-05T08:00:00.000Z', publishedBy: 'u-alice' }],
    },
    [`PUT ${BASE}`]: (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: 1 } }),
  });
  renderPage(<DecisionDesigner />, server.client, { path: '/decision/risk_band', pattern: '/decision/:key' });
  return { server, user: userEvent.setup() };
}

describe('the decision page’s side panels', () => {
  it('Tests: a case saved from the draft’s answer is one undoable step; unreached rules get the grid’s cursor', async () => {
    const { user } = openDesigner(riskBand([high]));
    await user.click(await screen.findByRole('tab', { name: 'Tests' }));
    expect(screen.getByText('1 of 1 case passes')).toBeTruthy();

    await user.type(screen.getByLabelText('CreditScore'), '650');
    await user.click(screen.getByRole('button', { name: 'Evaluate the draft' }));
    await user.click(screen.getByRole('button', { name: 'Save as test case' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save test case' }));
    expect(await screen.findByText('2 of 2 cases pass')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('1 of 1 case passes')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Select the rules of Band no test case reaches' }));
    const grid = screen.getByRole('grid', { name: 'Rules of Band' });
    const selected = within(grid)
      .getAllByRole('gridcell')
      .find((c) => c.getAttribute('aria-selected') === 'true')!;
    // The first rule no case reaches is the second (mid); the header is row 1.
    expect(selected.closest('[role="row"]')!.getAttribute('aria-rowindex')).toBe('3');
  });

  it('Tests: evaluating highlights the rule the inputs matched in the grid; another evaluation or an edit clears it', async () => {
    const { user } = openDesigner(riskBand());
    await user.click(await screen.findByRole('tab', { name: 'Tests' }));
    const grid = screen.getByRole('grid', { name: 'Rules of Band' });
    /** The rules (from 1) whose rows are marked as matched, checked against the rule number's description. */
    const matched = () =>
      within(grid)
        .getAllByRole('row')
        .slice(1)
        .filter((row) => row.classList.contains('dg-row--matched'))
        .map((row) => {
          const number = within(row).getByRole('rowheader');
          expect(document.getElementById(number.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Matched by the test inputs');
          return String(Number(row.getAttribute('aria-rowindex')) - 1);
        });
    expect(matched()).toEqual([]);

    await user.type(screen.getByLabelText('CreditScore'), '720');
    await user.click(screen.getByRole('button', { name: 'Evaluate the draft' }));
    expect(matched()).toEqual(['1']);

    await user.clear(screen.getByLabelText('CreditScore'));
    await user.type(screen.getByLabelText('CreditScore'), '650');
    await user.click(screen.getByRole('button', { name: 'Evaluate the draft' }));
    expect(matched()).toEqual(['2']);

    // The first rule deleted: the old numbers no longer hold, until the edit settles and the inputs are evaluated again.
    await user.click(within(grid).getAllByRole('gridcell')[0]!);
    await user.keyboard('{Control>}{Delete}{/Control}');
    expect(matched()).toEqual([]);
    await waitFor(() => expect(matched()).toEqual(['1']));

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(matched()).toEqual([]);
  });

  it('Tests: the unreached rules of another decision’s table open that table', async () => {
    const model = riskBand([high]);
    const band = model.decisions[0]!;
    const withReview: DecisionArtifact = {
      ...model,
      decisions: [
        band,
        {
          name: 'Review',
          requirements: { decisions: ['Band'] },
          logic: {
            ...(band.logic as DecisionTable),
            inputs: [{ expression: 'Band.band' }],
            rules: [
              { id: 'a', inputEntries: ['"A"'], outputEntries: ['"no"', '0'] },
              { id: 'other', inputEntries: ['not("A")'], outputEntries: ['"yes"', '0'] },
            ],
          },
        },
      ],
    };
    const { user } = openDesigner(withReview);
    await user.click(await screen.findByRole('tab', { name: 'Tests' }));
    await user.click(screen.getByRole('button', { name: 'Select the rules of Review no test case reaches' }));
    expect(await screen.findByRole('grid', { name: 'Rules of Review' })).toBeTruthy();
  });

  it('Versions: restoring a version makes its document the draft, which is saved as it is', async () => {
    const changed = riskBand();
    const table = changed.decisions[0]!.logic as DecisionTable;
    const draft: DecisionArtifact = {
      ...changed,
      decisions: [{ ...changed.decisions[0]!, logic: { ...table, hitPolicy: 'F' } }],
    };
    const { server, user } = openDesigner(draft);
    await user.click(await screen.findByRole('tab', { name: 'Versions' }));
    await user.click(await screen.findByRole('button', { name: 'Restore version 1 as the draft' }));
    await user.click(screen.getByRole('button', { name: 'Restore version 1' }));
    expect(await screen.findByText('Version 1 is now the draft. Publish it to make it the new version.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(server.requests.filter((r) => r.method === 'PUT').at(-1)!.body).toEqual(riskBand());
  });
});
