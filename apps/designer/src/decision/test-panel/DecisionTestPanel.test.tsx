import type { DecisionArtifact } from '@bankforge/rule-engine';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { DecisionTestPanel, type DecisionTestPanelProps } from './DecisionTestPanel.js';
import { riskBand } from './testing/risk-band.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

/** The page's part: the draft in state, every change recorded as the editor would. */
function Page({ initial, ...spies }: { initial: DecisionArtifact } & Partial<DecisionTestPanelProps>) {
  const [artifact, setArtifact] = useState(initial);
  return (
    <DecisionTestPanel
      artifact={artifact}
      onChange={(next) => {
        spies.onChange?.(next);
        setArtifact(next);
      }}
      onHighlight={spies.onHighlight}
      onSelectRules={spies.onSelectRules}
    />
  );
}

function renderPanel(initial: DecisionArtifact) {
  const spies = { onChange: vi.fn(), onHighlight: vi.fn(), onSelectRules: vi.fn() };
  render(<Page initial={initial} {...spies} />);
  return { ...spies, user: userEvent.setup() };
}

async function evaluate(user: ReturnType<typeof userEvent.setup>, score: string, segment = 'retail') {
  await user.type(screen.getByLabelText('CreditScore'), score);
  await user.selectOptions(screen.getByLabelText('Segment'), segment);
  await user.click(screen.getByRole('button', { name: 'Evaluate the draft' }));
}

describe('DecisionTestPanel: trying the draft', () => {
  it('evaluates the draft in the browser: outputs, matched rules (for the grid to highlight) and the trace', async () => {
    const { user, onHighlight, onChange } = renderPanel(riskBand());
    expect(
      within(screen.getByLabelText('Segment'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['(not given)', 'retail', 'private']);
    await evaluate(user, '720');

    const outputs = screen.getByRole('table', { name: 'Outputs' });
    expect(
      within(outputs)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['band"A"', 'limit100000']);
    expect(
      within(screen.getByRole('list', { name: 'Matched rules' })).getByRole('listitem').textContent,
    ).toBe('Band: rule 1 (high)');
    expect(onHighlight).toHaveBeenLastCalledWith([
      { table: 'Band', matchedRules: [0], matchedRuleIds: ['high'] },
    ]);
    expect(screen.getByText('Trace')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says which field is not a number, and evaluates nothing', async () => {
    const { user, onHighlight } = renderPanel(riskBand());
    await user.type(screen.getByLabelText('CreditScore'), '7OO');
    await user.click(screen.getByRole('button', { name: 'Evaluate the draft' }));
    expect(screen.getByText('Enter a number, e.g. 1200.50')).toBeTruthy();
    expect(screen.getByLabelText('CreditScore').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('table', { name: 'Outputs' })).toBeNull();
    expect(onHighlight).not.toHaveBeenCalled();
  });

  it('saves the inputs with the current outputs as expected in the artifact’s test cases', async () => {
    const { user, onChange } = renderPanel(riskBand());
    await evaluate(user, '650');
    await user.click(screen.getByRole('button', { name: 'Save as test case' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as a test case' });
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Case 1');
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'mid band');
    await user.click(within(dialog).getByRole('button', { name: 'Save test case' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0].tests).toEqual([
      {
        name: 'mid band',
        inputs: { CreditScore: 650, Segment: 'retail' },
        expected: { band: 'B', limit: 50000 },
      },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('1 of 1 case passes')).toBeTruthy();
  });
});

describe('DecisionTestPanel: test cases', () => {
  const midExpectedA = {
    name: 'mid band',
    inputs: { CreditScore: 650, Segment: 'retail' },
    expected: { band: 'A', limit: 50000 },
  };
  const high = { name: 'high band', inputs: { CreditScore: 800 }, expected: { band: 'A' } };

  it('shows a failing case with its differing outputs, and can take the actual ones as expected', async () => {
    const { user, onChange } = renderPanel(riskBand([high, midExpectedA]));
    expect(screen.getByText('1 of 2 cases pass')).toBeTruthy();
    const failing = screen.getByRole('listitem', { name: 'mid band' });
    expect(within(failing).getByText('Fails')).toBeTruthy();
    expect(
      within(within(failing).getByRole('list', { name: 'What mid band expected and got' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['band: expected "A", got "B"']);
    expect(within(screen.getByRole('listitem', { name: 'high band' })).getByText('Passes')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Take the actual outputs of mid band as expected' }));
    expect(onChange.mock.calls[0]![0].tests[1]).toEqual({
      ...midExpectedA,
      expected: { band: 'B', limit: 50000 },
    });
    expect(await screen.findByText('2 of 2 cases pass')).toBeTruthy();
  });

  it('runs the cases again when the draft changes (after the edits settle)', async () => {
    const first = riskBand([midExpectedA]);
    const { rerender } = render(<DecisionTestPanel artifact={first} onChange={vi.fn()} />);
    expect(screen.getByText('0 of 1 case passes')).toBeTruthy();
    const table = first.decisions[0]!.logic as Extract<
      NonNullable<DecisionArtifact['decisions'][number]['logic']>,
      { kind: 'decisionTable' }
    >;
    const changed: DecisionArtifact = {
      ...first,
      decisions: [
        {
          ...first.decisions[0]!,
          logic: {
            ...table,
            rules: table.rules.map((r) => (r.id === 'mid' ? { ...r, outputEntries: ['"A"', '50000'] } : r)),
          },
        },
      ],
    };
    rerender(<DecisionTestPanel artifact={changed} onChange={vi.fn()} />);
    expect(screen.getByText('0 of 1 case passes')).toBeTruthy();
    expect(await screen.findByText('1 of 1 case passes')).toBeTruthy();
  });

  it('renames and edits a case, deletes one, and shows the rules a case matched', async () => {
    const { user, onChange, onHighlight } = renderPanel(riskBand([high, midExpectedA]));
    await user.click(screen.getByRole('button', { name: 'Show the rules high band matches' }));
    expect(onHighlight).toHaveBeenLastCalledWith([
      { table: 'Band', matchedRules: [0], matchedRuleIds: ['high'] },
    ]);

    await user.click(screen.getByRole('button', { name: 'Edit mid band' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit test case mid band' });
    expect((within(dialog).getByLabelText('CreditScore') as HTMLInputElement).value).toBe('650');
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'mid band, retail');
    await user.clear(within(dialog).getByLabelText('band'));
    await user.type(within(dialog).getByLabelText('band'), 'B');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(within(dialog).getByText('This is not JSON: put text in quotes, e.g. "approve".')).toBeTruthy();
    await user.clear(within(dialog).getByLabelText('band'));
    await user.type(within(dialog).getByLabelText('band'), '"B"');
    await user.click(within(dialog).getByRole('button', { name: 'Remove the expected limit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(onChange.mock.calls[0]![0].tests[1]).toEqual({
      name: 'mid band, retail',
      inputs: { CreditScore: 650, Segment: 'retail' },
      expected: { band: 'B' },
    });

    await user.click(screen.getByRole('button', { name: 'Delete high band' }));
    expect(onChange.mock.calls[1]![0].tests).toEqual([
      { name: 'mid band, retail', inputs: { CreditScore: 650, Segment: 'retail' }, expected: { band: 'B' } },
    ]);
  });

  it('tries a case’s inputs in the form', async () => {
    const { user, onHighlight } = renderPanel(riskBand([midExpectedA]));
    await user.click(screen.getByRole('button', { name: 'Try the inputs of mid band' }));
    expect((screen.getByLabelText('CreditScore') as HTMLInputElement).value).toBe('650');
    expect((screen.getByLabelText('Segment') as HTMLSelectElement).value).toBe('retail');
    expect(within(screen.getByRole('table', { name: 'Outputs' })).getByText('"B"')).toBeTruthy();
    expect(onHighlight).toHaveBeenLastCalledWith([
      { table: 'Band', matchedRules: [1], matchedRuleIds: ['mid'] },
    ]);
  });
});

describe('DecisionTestPanel: rule coverage', () => {
  it('lists the rules no case reaches and selects them in the grid', async () => {
    const { user, onSelectRules } = renderPanel(
      riskBand([{ name: 'mid', inputs: { CreditScore: 650 }, expected: { band: 'B' } }]),
    );
    expect(screen.getByText('1 of 4 rules reached by a test case')).toBeTruthy();
    const unreached = screen.getByRole('list', { name: 'Rules no test case reaches' });
    expect(within(unreached).getByRole('listitem').textContent).toContain(
      'Band: rules 1 (high), 3 (low), 4 (private-low) not reached',
    );
    await user.click(screen.getByRole('button', { name: 'Select the rules of Band no test case reaches' }));
    expect(onSelectRules).toHaveBeenCalledWith({
      element: 'Band',
      path: '/decisions/0/logic',
      rules: [
        { index: 0, id: 'high' },
        { index: 2, id: 'low' },
        { index: 3, id: 'private-low' },
      ],
    });
  });

  it('with no cases, no rule is reached', () => {
    renderPanel(riskBand());
    expect(
      screen.getByText('No test cases yet. Evaluate the draft and save the answer as a test case.'),
    ).toBeTruthy();
    expect(screen.getByText('0 of 4 rules reached by a test case')).toBeTruthy();
  });
});

describe('DecisionTestPanel in Chinese', () => {
  it('speaks Chinese', async () => {
    await act(() => initTestI18n('zh-CN'));
    try {
      renderPanel(riskBand([{ name: 'mid', inputs: { CreditScore: 650 }, expected: { band: 'A' } }]));
      expect(screen.getByRole('button', { name: '对草稿求值' })).toBeTruthy();
      expect(screen.getByText('1 个用例中 0 个通过')).toBeTruthy();
    } finally {
      await act(() => initTestI18n('en'));
    }
  });
});
