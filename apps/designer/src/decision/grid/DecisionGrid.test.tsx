import type { DecisionArtifact, DecisionTableRule } from '@bankforge/rule-engine';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeelEditorModeContext } from '../../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { scopeOfNames, tableOf, withTable } from '../document/decision-document.js';
import { TableWorkspace } from '../page/TableWorkspace.js';
import { giveElementsHeight } from '../testing/layout.js';
import { tierModel, tierTable } from '../testing/tables.js';
import { DecisionGrid } from './DecisionGrid.js';
import { checkTable } from './table-check.js';

beforeAll(() => initTestI18n('en'));
beforeEach(() => giveElementsHeight());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The workspace over a model held in state, as the page holds it in the editor. */
function Harness({ initial }: { initial: DecisionArtifact }) {
  const [artifact, setArtifact] = useState(initial);
  return (
    <TableWorkspace
      artifact={artifact}
      decision={0}
      table={tableOf(artifact, 0)!}
      problems={[]}
      onChange={(change) => setArtifact((a) => withTable(a, 0, change))}
      latestVersion={null}
      onArtifactChange={setArtifact}
    />
  );
}

function open(model: DecisionArtifact = tierModel()) {
  // jsdom lays nothing out: the column dialog's FEEL editor stays a plain text box.
  render(
    <FeelEditorModeContext.Provider value="plain">
      <Harness initial={model} />
    </FeelEditorModeContext.Provider>,
  );
  return userEvent.setup();
}

const grid = () => screen.getByRole('grid', { name: 'Rules of Tier' });
const ruleRow = (rule: number) => within(grid()).getAllByRole('row').find((row) => row.getAttribute('aria-rowindex') === String(rule + 2))!;
const cell = (rule: number, column: number) => within(ruleRow(rule)).getAllByRole('gridcell')[column]!;
/** Each rendered rule's cells as text. */
const texts = () =>
  within(grid())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('gridcell').map((c) => c.textContent));
const selected = () => within(grid()).getAllByRole('gridcell').find((c) => c.getAttribute('aria-selected') === 'true');

describe('DecisionGrid', () => {
  it('is an ARIA grid: a header row of columns, a row per rule with its number, indexes for rows and columns', () => {
    open();
    expect(grid().getAttribute('aria-rowcount')).toBe('4');
    expect(grid().getAttribute('aria-colcount')).toBe('5');
    expect(within(grid()).getAllByRole('columnheader').map((h) => h.getAttribute('aria-label') ?? h.textContent)).toEqual(['Rule', 'Age (input)', 'Balance (input)', 'tier (output)', 'Why (annotation)']);
    expect(within(ruleRow(1)).getByRole('rowheader').textContent).toBe('2');
    expect(cell(1, 2).getAttribute('aria-colindex')).toBe('4');
    expect(texts()).toEqual([
      ['< 30', '-', '"basic"', 'young'],
      ['>= 30', '> 100000', '"gold"', 'rich'],
      ['>= 30', '<= 100000', '"silver"', ''],
    ]);
  });

  it('moves the selection with arrows, Home/End and Tab (wrapping to the next rule), the focus on the selected cell', async () => {
    const user = open();
    await user.click(cell(0, 0));
    expect(document.activeElement).toBe(cell(0, 0));
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(selected()).toBe(cell(1, 1));
    expect(document.activeElement).toBe(cell(1, 1));
    await user.keyboard('{End}');
    expect(selected()).toBe(cell(1, 3));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(cell(2, 0));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(cell(1, 3));
    await user.keyboard('{Control>}{Home}{/Control}{Home}{ArrowUp}');
    expect(document.activeElement?.getAttribute('role')).toBe('columnheader');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Age (input)');
    expect(cell(0, 0).getAttribute('tabindex')).toBe('-1');
  });

  it('edits a cell: Enter opens its text, Enter keeps it and moves down, Escape cancels, typing over a cell starts afresh, Delete clears', async () => {
    const user = open();
    await user.click(cell(0, 0));
    await user.keyboard('{Enter}');
    const editor = screen.getByRole('textbox', { name: 'Age, rule 1' });
    expect((editor as HTMLInputElement).value).toBe('< 30');
    await user.clear(editor);
    await user.type(editor, '< 25{Enter}');
    expect(cell(0, 0).textContent).toBe('< 25');
    expect(document.activeElement).toBe(cell(1, 0));

    await user.keyboard('{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Age, rule 2' }), ' and more{Escape}');
    expect(cell(1, 0).textContent).toBe('>= 30');
    expect(document.activeElement).toBe(cell(1, 0));

    await user.keyboard('{ArrowRight}{ArrowRight}"platinum"{Tab}');
    expect(cell(1, 2).textContent).toBe('"platinum"');
    expect(document.activeElement).toBe(cell(1, 3));

    await user.keyboard('{ArrowLeft}{ArrowLeft}{Delete}');
    expect(cell(1, 1).textContent).toBe('-');
  });

  it('inserts, duplicates, deletes and moves rules by keyboard, the selection following the rule', async () => {
    const user = open();
    const outputs = () => texts().map((cells) => cells[2]);
    await user.click(cell(0, 2));
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(outputs()).toEqual(['"basic"', '', '"gold"', '"silver"']);
    expect(document.activeElement).toBe(cell(1, 2));
    expect(screen.getByText('Rule 2 added')).toBeTruthy();

    await user.keyboard('{ArrowDown}{Control>}d{/Control}');
    expect(outputs()).toEqual(['"basic"', '', '"gold"', '"gold"', '"silver"']);
    expect(document.activeElement).toBe(cell(3, 2));

    await user.keyboard('{Control>}{Delete}{/Control}{ArrowUp}{ArrowUp}{Control>}{Delete}{/Control}');
    expect(outputs()).toEqual(['"basic"', '"gold"', '"silver"']);

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(outputs()).toEqual(['"basic"', '"silver"', '"gold"']);
    expect(document.activeElement).toBe(cell(2, 2));
    await user.keyboard('{Alt>}{ArrowUp}{ArrowUp}{/Alt}');
    expect(outputs()).toEqual(['"gold"', '"basic"', '"silver"']);

    await user.keyboard('{Control>}{Shift>}{Enter}{/Shift}{/Control}');
    expect(outputs()).toEqual(['', '"gold"', '"basic"', '"silver"']);
  });

  it('offers the rule actions on a toolbar, named with their shortcuts, disabled where they cannot act', async () => {
    const user = open();
    await user.click(cell(2, 0));
    const toolbar = screen.getByRole('toolbar', { name: 'Rule actions' });
    expect(within(toolbar).getByRole('button', { name: 'Move rule down' }).hasAttribute('disabled')).toBe(true);
    expect(within(toolbar).getByRole('button', { name: 'Duplicate rule' }).getAttribute('aria-keyshortcuts')).toBe('Control+D');
    await user.click(within(toolbar).getByRole('button', { name: 'Move rule up' }));
    expect(texts().map((cells) => cells[2])).toEqual(['"basic"', '"silver"', '"gold"']);
    await user.click(within(toolbar).getByRole('button', { name: 'Delete rule' }));
    expect(texts()).toHaveLength(2);
  });

  it('pastes a 5-row block copied from a spreadsheet at the selected cell, adding the rules it needs', async () => {
    const user = open();
    await user.click(cell(1, 0));
    // As Excel writes cells holding quotes or tabs: quoted, inner quotes doubled.
    const block = ['< 18\t-\t"""minor"""\tby law', '[18..25)\t-\t"""youth"""\t', '[25..30)\t< 1000\t"""starter"""\t', '-\t-\tVIP\t"quoted\ttab"', '> 90\t-\t"""senior"""\tlast'].join('\r\n');
    await user.paste(`${block}\r\n`);
    expect(texts()).toEqual([
      ['< 30', '-', '"basic"', 'young'],
      ['< 18', '-', '"minor"', 'by law'],
      ['[18..25)', '-', '"youth"', ''],
      ['[25..30)', '< 1000', '"starter"', ''],
      ['-', '-', 'VIP', 'quoted\ttab'],
      ['> 90', '-', '"senior"', 'last'],
    ]);
    expect(grid().getAttribute('aria-rowcount')).toBe('7');
    expect(screen.getByText('Pasted 5 rules × 4 columns; 3 rules added.')).toBeTruthy();
  });

  it('checks a cell as it is typed: the error on the cell and in the problems list, which selects the cell', async () => {
    const user = open();
    await user.click(cell(1, 1));
    await user.keyboard('{Enter}');
    const editor = screen.getByRole('textbox', { name: 'Balance, rule 2' });
    await user.type(editor, ' )');
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/^FEEL error at column \d+:/).id).toBe(editor.getAttribute('aria-describedby'));
    await user.keyboard('{Enter}');

    const invalid = cell(1, 1);
    expect(invalid.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('gridcell', { description: /^FEEL error at column 10/ })).toBe(invalid);
    const listed = screen.getByRole('button', { name: /^Rule 2, Balance: FEEL error at column 10/ });
    await user.click(cell(0, 0));
    await user.click(listed);
    expect(selected()).toBe(invalid);
    expect(document.activeElement).toBe(invalid);
  });

  it('warns of an output naming nothing the model defines (a text without quotes)', async () => {
    const user = open();
    await user.click(cell(0, 2));
    await user.keyboard('{Enter}');
    const editor = screen.getByRole('textbox', { name: 'tier, rule 1' });
    await user.clear(editor);
    await user.type(editor, 'basic{Enter}');
    expect(cell(0, 2).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('button', { name: 'Rule 1, tier: “basic” is not a name this model defines; text needs quotes ("basic").' })).toBeTruthy();
  });

  it('marks overlapping rules on their rows once the analysis has run, and lists the overlap', async () => {
    const user = open();
    await user.click(cell(0, 0));
    await user.keyboard('{Enter}{Control>}a{/Control}< 40{Enter}');
    expect(await within(ruleRow(0)).findByText('Overlaps rule 2')).toBeTruthy();
    expect(within(ruleRow(0)).getByText('Overlaps rule 3')).toBeTruthy();
    expect(within(ruleRow(1)).getByRole('rowheader').textContent).toContain('Overlaps rule 1');
    expect(within(ruleRow(2)).getByRole('rowheader').textContent).toContain('Overlaps rule 1');
    expect(screen.getByText(/^Rules 1 and 2 both match Age: \[30\.\.40\), Balance: > 100000\./)).toBeTruthy();
  });

  it('adds a rule for a gap from the gap itself', async () => {
    const user = open();
    await user.click(cell(0, 0));
    await user.keyboard('{Enter}{Control>}a{/Control}< 20{Enter}');
    expect(await screen.findByText('No rule matches Age: [20..30).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add a rule for this gap: Age: [20..30)' }));
    expect(texts()[3]).toEqual(['[20..30)', '-', '', '']);
    expect(document.activeElement).toBe(cell(3, 2));
    expect(await screen.findByText('No gaps, overlaps or unreachable rules found.')).toBeTruthy();
  });

  it('adds an input column and edits its properties in a dialog; Escape closes it', async () => {
    const user = open();
    await user.click(cell(0, 1));
    await user.click(screen.getByRole('button', { name: 'Add input column' }));
    const dialog = screen.getByRole('dialog', { name: 'Column: Monthly Income' });
    const label = within(dialog).getByRole('textbox', { name: 'Label' });
    expect(document.activeElement).toBe(label);
    await user.type(label, 'Income');
    // The expression in the FEEL editor: a declared name with a space is one name.
    const expression = within(dialog).getByRole('textbox', { name: 'Expression (FEEL)' });
    expect((expression as HTMLTextAreaElement).value).toBe('Monthly Income');
    expect(expression.getAttribute('aria-invalid')).toBeNull();
    expect(expression.getAttribute('aria-describedby')).toBeTruthy();
    await user.type(expression, ' / Salary');
    expect(within(dialog).getByText(/“Salary” is not a name this model defines/)).toBeTruthy();
    await user.type(expression, ' +');
    expect(expression.getAttribute('aria-invalid')).toBe('true');
    await user.clear(expression);
    expect(within(dialog).getByText('Required.')).toBeTruthy();
    expect(expression.getAttribute('aria-invalid')).toBe('true');
    await user.type(expression, 'Monthly Income');
    expect(expression.getAttribute('aria-invalid')).toBeNull();
    const allowed = within(dialog).getByRole('textbox', { name: 'Allowed values' });
    await user.type(allowed, '[[0..');
    expect(allowed.getAttribute('aria-invalid')).toBe('true');
    await user.type(allowed, '1000000]');
    expect(allowed.getAttribute('aria-invalid')).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(grid()).getAllByRole('columnheader').map((h) => h.getAttribute('aria-label') ?? h.textContent)).toEqual([
      'Rule',
      'Age (input)',
      'Balance (input)',
      'Income (input)',
      'tier (output)',
      'Why (annotation)',
    ]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add input column' }));
    expect(screen.getByRole('columnheader', { name: 'Income (input)' }).getAttribute('aria-selected')).toBe('true');
    expect(texts()[0]).toEqual(['< 30', '-', '-', '"basic"', 'young']);
  });

  it('draws only the rules in view of a 500-rule table, and the selected rule wherever it goes', async () => {
    vi.restoreAllMocks();
    giveElementsHeight(400);
    const rules: DecisionTableRule[] = Array.from({ length: 500 }, (_, i) => ({ inputEntries: [`[${i * 10}..${i * 10 + 10})`, '-'], outputEntries: [`"r${i}"`], annotations: [''] }));
    const model = tierModel();
    const user = open(withTable(model, 0, (table) => ({ ...table, rules })));
    expect(grid().getAttribute('aria-rowcount')).toBe('501');
    const drawn = within(grid()).getAllByRole('row').length - 1;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(40);
    await user.click(cell(0, 2));
    await user.keyboard('{Control>}{End}{/Control}');
    expect(within(ruleRow(499)).getAllByRole('gridcell')[2]!.textContent).toBe('"r499"');
    expect(document.activeElement).toBe(cell(499, 2));
    expect(within(grid()).getAllByRole('row').length - 1).toBeLessThan(50);
  });
});

/** An element's accessible description: the texts its `aria-describedby` points at. */
const description = (element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('DecisionGrid: rules matched by the test inputs', () => {
  const table = tierTable();
  const scope = scopeOfNames(['Age', 'Balance']);
  const issues = checkTable(table, scope);
  const gridWith = (highlightedRules: readonly number[]) => (
    <DecisionGrid
      table={table}
      label="Rules of Tier"
      scope={scope}
      cursor={{ row: 0, column: 0 }}
      onCursorChange={vi.fn()}
      issues={issues}
      serverProblems={new Map()}
      markers={new Map()}
      highlightedRules={highlightedRules}
      onChange={vi.fn()}
      onRuleCommand={vi.fn()}
      onOpenColumn={vi.fn()}
      onAnnounce={vi.fn()}
      focusRequest={0}
      onOpenMenu={vi.fn()}
    />
  );
  const matched = () =>
    within(grid())
      .getAllByRole('row')
      .filter((row) => row.classList.contains('dg-row--matched'))
      .map((row) => Number(row.getAttribute('aria-rowindex')) - 2);

  it('marks the highlighted rows, each cell and rule number described as matched, and clears them', () => {
    const { rerender } = render(gridWith([1, 2]));
    expect(matched()).toEqual([1, 2]);
    expect(description(cell(1, 0))).toBe('Matched by the test inputs');
    expect(description(within(ruleRow(2)).getByRole('rowheader'))).toBe('Matched by the test inputs');
    expect(description(cell(0, 0))).toBe('');

    rerender(gridWith([0]));
    expect(matched()).toEqual([0]);
    expect(description(cell(1, 0))).toBe('');

    rerender(gridWith([]));
    expect(matched()).toEqual([]);
    expect(within(grid()).queryByText('Matched by the test inputs')).toBeNull();
  });

  it('describes a matched cell’s problem as well', () => {
    const broken = { ...table, rules: table.rules.map((r, i) => (i === 0 ? { ...r, inputEntries: ['< ', '-'] } : r)) };
    render(
      <DecisionGrid
        table={broken}
        label="Rules of Tier"
        scope={scope}
        cursor={{ row: 1, column: 0 }}
        onCursorChange={vi.fn()}
        issues={checkTable(broken, scope)}
        serverProblems={new Map()}
        markers={new Map()}
        highlightedRules={[0]}
        onChange={vi.fn()}
        onRuleCommand={vi.fn()}
        onOpenColumn={vi.fn()}
        onAnnounce={vi.fn()}
        focusRequest={0}
        onOpenMenu={vi.fn()}
      />,
    );
    expect(cell(0, 0).getAttribute('aria-invalid')).toBe('true');
    expect(description(cell(0, 0))).toMatch(/ Matched by the test inputs$/);
  });
});
