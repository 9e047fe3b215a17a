import { exportDmn, importDmn, type DecisionArtifact } from '@bankforge/rule-engine';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeHandler, type FakeResponse, problem, type RecordedRequest, renderPage } from '@bankforge/app-shell/testing';
import '../flow-designer/testing/dom-stubs.js';
import { FeelEditorModeContext } from '../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../shell/testing/i18n.js';
import DecisionDesigner from './DecisionDesigner.js';
import { giveElementsHeight } from './testing/layout.js';
import { tierModel } from './testing/tables.js';

beforeAll(() => initTestI18n('en'));
beforeEach(() => giveElementsHeight());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function openDesigner(routes: Record<string, FakeHandler | FakeResponse> = {}, path = '/decision/tier') {
  let revision = 1;
  const server = fakeApi({
    'GET /api/artifacts/decision/tier': { body: { document: tierModel(), revision, latestVersion: null } },
    'PUT /api/artifacts/decision/tier': (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    ...routes,
  });
  // The FEEL editors stay plain text boxes: Monaco cannot lay out in jsdom.
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <DecisionDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path, pattern: '/decision/:key' },
  );
  return { server, user: userEvent.setup() };
}

const saved = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT').at(-1)!.body as DecisionArtifact;
const grid = () => screen.getByRole('grid', { name: 'Rules of Tier' });
const ruleCell = (rule: number, column: number) => {
  const row = within(grid()).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === String(rule + 2))!;
  return within(row).getAllByRole('gridcell')[column]!;
};

describe('DecisionDesigner', () => {
  it('loads the draft: its title and state, the first table in the grid, the hit policy in words', async () => {
    openDesigner();
    expect(await screen.findByRole('heading', { name: 'Decision: Customer tier' })).toBeTruthy();
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(ruleCell(1, 2).textContent).toBe('"gold"');
    const policy = screen.getByRole('combobox', { name: 'Hit policy' }) as HTMLSelectElement;
    expect(policy.value).toBe('U');
    expect(within(policy).getAllByRole('option')).toHaveLength(11);
    expect(screen.getByText(/^At most one rule may match any input/)).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Rules', selected: true })).toBeTruthy();
    expect(await screen.findByText('No gaps, overlaps or unreachable rules found.')).toBeTruthy();
  });

  it('picks another decision of the model; an expression and a context are edited in their own editors', async () => {
    const { user } = openDesigner();
    const picker = await screen.findByRole('combobox', { name: 'Decision' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tier (decision table)', 'Bonus (expression)', 'Offer (context)']);
    await user.selectOptions(picker, '1');
    expect((screen.getByRole('textbox', { name: 'Expression of Bonus (FEEL)' }) as HTMLTextAreaElement).value).toBe('if Tier = "gold" then 100 else 0');
    expect(screen.queryByRole('grid')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Decision' }), '2');
    const entries = screen.getByRole('region', { name: 'Entries of Offer' });
    expect(within(entries).getAllByRole('textbox').map((box) => (box as HTMLInputElement).value)).toEqual(['tier', 'Tier', 'bonus', 'Bonus']);
  });

  it('saves an edited cell with the draft’s revision; undo takes the edit back', async () => {
    const { server, user } = openDesigner();
    await screen.findByRole('grid');
    await user.click(ruleCell(0, 0));
    await user.keyboard('{Enter}{Control>}a{/Control}< 25{Enter}');
    expect(ruleCell(0, 0).textContent).toBe('< 25');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    const put = server.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.headers['if-match']).toBe('"1"');
    const document = saved(server.requests);
    expect(document.decisions[0]!.logic).toMatchObject({ kind: 'decisionTable', rules: [{ inputEntries: ['< 25', '-'] }, {}, {}] });
    expect(document.tests).toEqual(tierModel().tests);

    ruleCell(0, 0).focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(ruleCell(0, 0).textContent).toBe('< 30');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(ruleCell(0, 0).textContent).toBe('< 25');
  });

  it('saves the text being typed in a cell on Ctrl+S', async () => {
    const { server, user } = openDesigner();
    await screen.findByRole('grid');
    await user.click(ruleCell(2, 2));
    await user.keyboard('"bronze"{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests).decisions[0]!.logic).toMatchObject({ rules: [{}, {}, { outputEntries: ['"bronze"'] }] });
    expect(document.activeElement).toBe(ruleCell(2, 2));
  });

  it('saves a COLLECT sum with its aggregation', async () => {
    const { server, user } = openDesigner();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Hit policy' }), 'C+');
    expect(screen.getByText(/the answer is their sum/)).toBeTruthy();
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests).decisions[0]!.logic).toMatchObject({ hitPolicy: 'C', aggregation: 'SUM' });
  });

  it('lists the failing test cases when the server refuses to publish', async () => {
    const { user } = openDesigner({
      'POST /api/artifacts/decision/tier/publish': problem(422, 'decisionTestsFailed', {
        errors: [{ path: '/tests/0', code: 'decisionTestFailed', message: 'Test "young is basic" failed: result is "silver", expected "basic".', messageZh: '测试“young is basic”未通过。' }],
      }),
    });
    await screen.findByRole('grid');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const alert = await screen.findByText('1 problem to fix before saving');
    const list = within(alert.parentElement!).getByRole('list');
    // The case is named as the Tests panel names it; its pointer is the tooltip.
    expect(within(list).getByRole('listitem').textContent).toBe('Test “young is basic” Test "young is basic" failed: result is "silver", expected "basic".');
    expect(within(list).getByText('Test “young is basic”').getAttribute('title')).toBe('/tests/0');
  });

  it('shows a refused save on the cell it names', async () => {
    const { user } = openDesigner({
      'PUT /api/artifacts/decision/tier': problem(422, 'invalidArtifact', {
        errors: [{ path: '/decisions/0/logic/rules/2/outputEntries/0', code: 'doesNotCompile', message: 'Tier: output too long' }],
      }),
    });
    await screen.findByRole('grid');
    await user.click(ruleCell(2, 3));
    await user.keyboard('x{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const listed = await screen.findByRole('button', { name: 'The server: rule 3, tier: Tier: output too long' });
    expect(ruleCell(2, 2).getAttribute('aria-invalid')).toBe('true');
    await user.click(listed);
    expect(document.activeElement).toBe(ruleCell(2, 2));
  });

  it('imports DMN XML after saying what it holds and what it could not carry over; undo brings the old rules back', async () => {
    const { user } = openDesigner();
    await screen.findByRole('grid');
    const other: DecisionArtifact = {
      kind: 'decision',
      key: 'x',
      title: 'Risk',
      imports: [{ name: 'rates', namespace: 'urn:rates' }],
      inputData: [{ name: 'Score', typeRef: 'number' }],
      decisions: [
        {
          name: 'Tier',
          logic: { kind: 'decisionTable', hitPolicy: 'F', inputs: [{ expression: 'Score' }], outputs: [{ typeRef: 'string' }], rules: [{ inputEntries: ['> 700'], outputEntries: ['"low"'] }] },
        },
      ],
    };
    const file = new File([exportDmn(other)], 'risk.dmn', { type: 'application/xml' });
    await user.upload(screen.getByLabelText('DMN file to import'), file);
    const dialog = await screen.findByRole('dialog', { name: 'Replace the draft with risk.dmn?' });
    expect(within(dialog).getByText('It holds 1 decision: Tier.')).toBeTruthy();
    expect(within(dialog).getByText(/urn:rates/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Replace the draft' }));
    expect(ruleCell(0, 0).textContent).toBe('> 700');
    expect((screen.getByRole('combobox', { name: 'Hit policy' }) as HTMLSelectElement).value).toBe('F');
    expect(screen.queryByRole('combobox', { name: 'Decision' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Decision: Customer tier' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(ruleCell(0, 0).textContent).toBe('< 30');
  });

  it('says why a file is not a DMN model, and changes nothing', async () => {
    const { user } = openDesigner();
    await screen.findByRole('grid');
    await user.upload(screen.getByLabelText('DMN file to import'), new File(['<definitions'], 'broken.dmn'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^broken\.dmn could not be read as a DMN model: /);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('exports the draft as DMN XML', async () => {
    const { user } = openDesigner();
    await screen.findByRole('grid');
    let blob: Blob | undefined;
    let name = '';
    // jsdom has no object URLs: the download's blob is caught where the page makes its URL.
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL(b: Blob) {
          blob = b;
          return 'blob:tier';
        }
        static override revokeObjectURL() {}
      },
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    await user.click(screen.getByRole('button', { name: 'Export DMN XML' }));
    expect(name).toBe('tier.dmn');
    const model = importDmn(await blob!.text()).model;
    expect(model.decisions.map((d) => d.name)).toEqual(['Tier', 'Bonus', 'Offer']);
  });

  it('starts a new decision with an empty table when there is no draft yet', async () => {
    openDesigner({ 'GET /api/artifacts/decision/aml': problem(404, 'artifactNotFound') }, '/decision/aml');
    expect(await screen.findByRole('heading', { name: 'Decision: aml' })).toBeTruthy();
    expect(screen.getByText('Not saved yet')).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Rules of aml' }).getAttribute('aria-rowcount')).toBe('1');
    expect(screen.getByText(/^No rules yet/)).toBeTruthy();
  });
});
