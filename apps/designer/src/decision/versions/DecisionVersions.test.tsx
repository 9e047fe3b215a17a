import type { DecisionArtifact, DecisionTable } from '@bankforge/rule-engine';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { fakeApi, problem } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { riskBand } from '../test-panel/testing/risk-band.js';
import { DecisionVersions } from './DecisionVersions.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const BASE = '/api/artifacts/decision/risk_band';
const versions = [
  { version: 1, publishedAt: '2026-01-05T08:00:00.000Z', publishedBy: 'u-alice', publisher: { name: '王芳', username: 'wang_fang' } },
  { version: 2, publishedAt: '2026-02-05T08:00:00.000Z', publishedBy: 'u-bob', publisher: { name: '黄磊', username: 'huang_lei' } },
  { version: 3, publishedAt: '2026-03-05T08:00:00.000Z', publishedBy: null, publisher: null },
];

/** Version 3: the mid band's limit raised, a rule added above the low ones, FIRST instead of UNIQUE. */
function version3(): DecisionArtifact {
  const artifact = riskBand();
  const table = artifact.decisions[0]!.logic as DecisionTable;
  const rules = table.rules.map((r) => (r.id === 'mid' ? { ...r, outputEntries: ['"B"', '60000'] } : r));
  rules.splice(2, 0, { id: 'thin-file', inputEntries: ['null', '-'], outputEntries: ['"C"', '5000'] });
  return {
    ...artifact,
    decisions: [{ ...artifact.decisions[0]!, logic: { ...table, hitPolicy: 'F', rules } }],
  };
}

const stored = (document: DecisionArtifact, version: number) => ({
  body: { document: { ...document, version }, revision: 9, latestVersion: 3 },
});

function renderVersions(routes: Parameters<typeof fakeApi>[0] = {}) {
  const server = fakeApi({
    [`GET ${BASE}/versions`]: { body: versions },
    [`GET ${BASE}?version=1`]: stored(
      riskBand([{ name: 'v1 case', inputs: { CreditScore: 650 }, expected: { band: 'B' } }]),
      1,
    ),
    [`GET ${BASE}?version=2`]: stored(riskBand(), 2),
    [`GET ${BASE}?version=3`]: stored(version3(), 3),
    [`GET ${BASE}/versions/2/diff/3`]: {
      body: {
        from: 2,
        to: 3,
        changes: [
          {
            op: 'replace',
            path: '/decisions/0/logic/hitPolicy',
            element: { type: 'decision', id: 'Band', label: { en: 'Band' } },
            property: 'logic.hitPolicy',
            from: 'U',
            value: 'F',
          },
        ],
      },
    },
    ...routes,
  });
  const onChange = vi.fn();
  render(
    <ApiClientProvider client={server.client}>
      <DecisionVersions artifactKey="risk_band" latestVersion={3} onChange={onChange} />
    </ApiClientProvider>,
  );
  return { server, onChange, user: userEvent.setup() };
}

describe('DecisionVersions', () => {
  it('lists the published versions newest first, with who published each by name', async () => {
    renderVersions();
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['v3', 'v2', 'v1']);
    expect(within(rows[1]!).getAllByRole('cell')[2]!.textContent).toBe('黄磊 (huang_lei)');
    expect(within(rows[0]!).getByText('BankForge (the example or an import)')).toBeTruthy();
  });

  it('compares two versions table by table: hit policy, rules added and changed with their cells', async () => {
    const { server, user } = renderVersions();
    await screen.findAllByRole('row');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const tables = await screen.findByRole('region', { name: 'Decision tables, v2 to v3' });
    const band = within(tables).getByRole('region', { name: 'Table of Band' });
    expect(within(band).getByText('Hit policy U → F')).toBeTruthy();
    const rules = within(band).getByRole('list', { name: 'Rules' }).children;
    expect([...rules].map((li) => li.textContent)).toEqual([
      'Changed rule 2 (mid)limit: 50000 → 60000',
      'Added rule 3 (thin-file)Credit score: nullSegment: -band: "C"limit: 5000',
    ]);
    // Every change, by element, as every designer's version history lists it.
    expect(screen.getByText('Every change, by element')).toBeTruthy();
    const all = screen.getByRole('region', { name: 'Changes from v2 to v3', hidden: true });
    expect(within(all).getAllByRole('listitem', { hidden: true }).map((li) => li.textContent)).toEqual(["Changed Decision 'Band': logic › hitPolicy: U → F"]);
    expect(server.requests.map((r) => r.url)).toEqual(
      expect.arrayContaining([`${BASE}/versions/2/diff/3`, `${BASE}?version=2`, `${BASE}?version=3`]),
    );
  });

  it('restores as draft, as every designer does: after a confirmation, an old version’s document becomes the draft through onChange', async () => {
    const { server, onChange, user } = renderVersions();
    await screen.findAllByRole('row');
    await user.click(screen.getByRole('button', { name: 'Restore version 1 as the draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore version 1 as the draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore version 1' }));

    expect(onChange).toHaveBeenCalledTimes(1);
    // The version's own number goes: publishing the draft again makes a new one.
    expect(onChange).toHaveBeenCalledWith(
      riskBand([{ name: 'v1 case', inputs: { CreditScore: 650 }, expected: { band: 'B' } }]),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Version 1 is now the draft. Publish it to make it the new version.')).toBeTruthy();
    expect(server.requests.map((r) => r.url)).toContain(`${BASE}?version=1`);
  });

  it('a cancelled restore changes nothing; a version that cannot be loaded says why', async () => {
    const { onChange, user } = renderVersions({ [`GET ${BASE}?version=2`]: problem(500, 'internal') });
    await screen.findAllByRole('row');
    await user.click(screen.getByRole('button', { name: 'Restore version 1 as the draft' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Restore version 2 as the draft' }));
    await user.click(screen.getByRole('button', { name: 'Restore version 2' }));
    expect((await within(screen.getByRole('dialog')).findByRole('alert')).textContent).toBe(
      'Version 2 could not be loaded: internal detail',
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says when nothing is published yet', async () => {
    renderVersions({ [`GET ${BASE}/versions`]: { body: [] } });
    expect(await screen.findByText('Not published yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Restore/ })).toBeNull();
  });
});
