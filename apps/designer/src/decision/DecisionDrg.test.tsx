import type { BusinessKnowledgeModel, ContextExpression, DecisionArtifact } from '@bankforge/rule-engine';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderPage } from '@bankforge/app-shell/testing';
import '../flow-designer/testing/dom-stubs.js';
import { FeelEditorModeContext } from '../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../shell/testing/i18n.js';
import DecisionDesigner from './DecisionDesigner.js';
import { giveElementsHeight } from './testing/layout.js';
import { drgModel } from './testing/tables.js';

beforeAll(() => initTestI18n('en'));
beforeEach(() => giveElementsHeight());
afterEach(cleanup);

function openDesigner(path = '/decision/suitability', document: DecisionArtifact = drgModel()) {
  let revision = 1;
  const server = fakeApi({
    'GET /api/artifacts/decision/suitability': { body: { document, revision, latestVersion: null } },
    'PUT /api/artifacts/decision/suitability': (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    'GET /api/artifacts/decision/suitability/versions': { body: [] },
  });
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <DecisionDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path, pattern: '/decision/:key' },
  );
  return { server, user: userEvent.setup() };
}

const saved = (server: ReturnType<typeof openDesigner>['server']) => server.requests.filter((r) => r.method === 'PUT').at(-1)!.body as DecisionArtifact;
const save = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByText('Draft saved');
};
/** The diagram's chunk (React Flow) loads lazily: the first test waits for its import. */
const diagram = () => screen.findByRole('region', { name: 'Requirements diagram of Suitability' }, { timeout: 15_000 });
const node = (name: RegExp) => within(screen.getByRole('region', { name: 'Requirements diagram of Suitability' })).getByRole('button', { name });
const properties = (kind: string, name: string) => screen.getByRole('region', { name: `Properties of ${kind} “${name}”` });

describe('DecisionDesigner: the requirements diagram', () => {
  it('draws a decision service (as DMN models imported from other tools have) around its decisions', async () => {
    const model = drgModel();
    model.decisionServices = [{ name: 'Suitability check', outputDecisions: ['Suitable'], encapsulatedDecisions: ['Levels above'] }];
    openDesigner('/decision/suitability', model);
    const canvas = await diagram();
    const service = await within(canvas).findByRole('group', { name: 'Decision service Suitability check, answers Suitable; encapsulates Levels above' }, { timeout: 15_000 });
    expect(service.querySelector('.drg-service line')).not.toBeNull();
    expect(service.textContent).toContain('Decision service: Suitability check');
    // Its decisions are still the elements one selects and edits.
    expect(within(canvas).getByRole('button', { name: /^Decision: Suitable/ })).toBeTruthy();
  });

  it('draws every element by kind and every requirement; focusing an element edits it below', async () => {
    openDesigner();
    const canvas = await diagram();
    // Drawn once laid out (elkjs, slow on a busy machine).
    expect(await within(canvas).findByRole('button', { name: 'Decision: Suitable, requires Segment, Levels above' }, { timeout: 15_000 })).toBeTruthy();
    expect(within(canvas).getByRole('button', { name: 'Business knowledge model: Level rank' })).toBeTruthy();
    expect(within(canvas).getByRole('button', { name: 'Input data: Product risk' })).toBeTruthy();
    expect(canvas.querySelector('.drg-node--businessKnowledgeModel polygon')).not.toBeNull();
    expect(canvas.querySelector('.drg-node--inputData rect')?.getAttribute('rx')).toBe('25');
    await waitFor(() => expect(within(canvas).getByRole('button', { name: 'Knowledge requirement: Levels above requires Level rank' })).toBeTruthy());
    expect(within(canvas).getByRole('button', { name: 'Information requirement: Suitable requires Segment' })).toBeTruthy();
    // The first table's decision is edited at first.
    expect(properties('Decision', 'Suitable')).toBeTruthy();
    expect(screen.getByRole('grid', { name: 'Rules of Suitable' })).toBeTruthy();

    node(/^Decision: Levels above/).focus();
    await screen.findByRole('region', { name: 'Properties of Decision “Levels above”' });
    expect(screen.getByRole('region', { name: 'Entries of Levels above' })).toBeTruthy();
    node(/^Input data: Segment/).focus();
    expect(await screen.findByText('Input data are given when the decision is evaluated (the Tests tab, a flow, the API), by this name.')).toBeTruthy();
  });

  it('adds a decision under a checked name and draws its requirements by the keyboard’s dialog', async () => {
    const { server, user } = openDesigner();
    await within(await diagram()).findByRole('button', { name: /^Decision: Message/ }, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Add decision…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a decision' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Segment');
    expect(within(dialog).getByText('This name is taken in this model.')).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'if risky');
    expect(within(dialog).getByText(/FEEL reads this as a keyword/)).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'Offer');
    await user.click(within(dialog).getByRole('radio', { name: 'expression' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('region', { name: 'Properties of Decision “Offer”' })).toBeTruthy();
    expect(await within(await diagram()).findByRole('button', { name: /^Decision: Offer$/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add requirement…' }));
    const connect = screen.getByRole('dialog', { name: 'Add a requirement to “Offer”' });
    const required = within(connect).getByRole('combobox', { name: 'Required element' });
    await user.selectOptions(required, 'decision:Message');
    expect(within(connect).getByText('It will be an information requirement: the element reads its value.')).toBeTruthy();
    await user.click(within(connect).getByRole('button', { name: 'Add requirement' }));
    await user.click(screen.getByRole('button', { name: 'Add requirement…' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Required element' }), 'businessKnowledgeModel:Level rank');
    expect(screen.getByText('It will be a knowledge requirement: the element invokes the knowledge model.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add requirement' }));
    expect(within(properties('Decision', 'Offer')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Decision: Message · Information requirement ×',
      'Business knowledge model: Level rank · Knowledge requirement ×',
    ]);
    await save(user);
    expect(saved(server).decisions.at(-1)).toEqual({ name: 'Offer', requirements: { decisions: ['Message'], knowledge: ['Level rank'] }, logic: { kind: 'literalExpression', text: '' } });

    await user.click(within(properties('Decision', 'Offer')).getByRole('button', { name: 'Remove the requirement on “Message”' }));
    await save(user);
    expect(saved(server).decisions.at(-1)!.requirements).toEqual({ knowledge: ['Level rank'] });
  });

  it('renames an element where it is read; a name it cannot take is said and not taken', async () => {
    const { server, user } = openDesigner('/decision/suitability?inputData=Risk%20tolerance');
    const name = within(await screen.findByRole('region', { name: 'Properties of Input data “Risk tolerance”' })).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Segment{Enter}');
    expect(screen.getByText('This name is taken in this model.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await user.keyboard('{Escape}');
    expect((name as HTMLInputElement).value).toBe('Risk tolerance');
    await user.clear(name);
    await user.type(name, 'Tolerance{Enter}');
    expect(await screen.findByRole('region', { name: 'Properties of Input data “Tolerance”' })).toBeTruthy();
    await save(user);
    const model = saved(server);
    expect(model.inputData?.map((i) => i.name)).toEqual(['Product risk', 'Tolerance', 'Segment']);
    expect((model.decisions[0]!.logic as ContextExpression).entries[1]!.value).toEqual({ kind: 'literalExpression', text: 'Level rank(Tolerance)' });
  });

  it('deletes an element after asking; undo brings it back', async () => {
    const { server, user } = openDesigner('/decision/suitability?decision=Message');
    await within(await diagram()).findByRole('button', { name: /^Decision: Message/ }, { timeout: 15_000 });
    await user.click(within(await screen.findByRole('region', { name: 'Properties of Decision “Message”' })).getByRole('button', { name: 'Delete this element…' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete “Message”?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Decision: Message/ })).toBeNull());
    await save(user);
    expect(saved(server).decisions.map((d) => d.name)).toEqual(['Levels above', 'Suitable']);
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByRole('button', { name: /^Decision: Message/ })).toBeTruthy();
  });
});

describe('DecisionDesigner: literal expressions, contexts and knowledge models', () => {
  it('edits a literal expression; a name the decision does not require is said; undo takes the typing back', async () => {
    const { server, user } = openDesigner('/decision/suitability?decision=Message');
    const expression = (await screen.findByRole('textbox', { name: 'Expression of Message (FEEL)' })) as HTMLTextAreaElement;
    await user.clear(expression);
    await user.type(expression, 'if Suitable then Segment else "no"');
    expect(screen.getByText('“Segment” is read here but is not a requirement of this element: the diagram (and DMN XML) does not show that it is needed. Add the requirement.')).toBeTruthy();
    await save(user);
    expect(saved(server).decisions[2]!.logic).toEqual({ kind: 'literalExpression', text: 'if Suitable then Segment else "no"' });
    // Outside a text box Ctrl+Z is the editor's undo (inside it, the browser's own).
    expression.blur();
    await user.keyboard('{Control>}z{/Control}');
    expect(expression.value).toBe('if Suitable then "ok" else "no"');
  });

  it('edits a context’s entries: names checked as typed, values reading the entries above, a result entry', async () => {
    const { server, user } = openDesigner('/decision/suitability?decision=Levels%20above');
    const entries = await screen.findByRole('region', { name: 'Entries of Levels above' });
    const firstName = within(entries).getByRole('textbox', { name: 'Name of entry 1' });
    await user.clear(firstName);
    await user.type(firstName, 'customer');
    expect(within(entries).getByText('Another entry here has this name.')).toBeTruthy();
    await user.clear(firstName);
    await user.type(firstName, 'productRank');
    await user.tab();
    const result = within(entries).getByRole('textbox', { name: 'Value of the result' });
    await user.clear(result);
    await user.type(result, 'productRank - customer +');
    expect(result.getAttribute('aria-invalid')).toBe('true');
    await user.type(result, ' 0');
    expect(result.getAttribute('aria-invalid')).toBeNull();
    // An entry renamed under a value reading it: said once, however often it is read.
    await user.clear(result);
    await user.type(result, 'tolerance - tolerance');
    expect(within(entries).getAllByText('“tolerance” is nothing this expression can read (a requirement, a parameter, an entry above); text needs quotes ("tolerance").')).toHaveLength(1);
    await user.clear(result);
    await user.type(result, 'productRank - customer + 0');
    await user.click(within(entries).getByRole('button', { name: 'Move customer up' }));
    await user.click(screen.getByRole('button', { name: 'Add entry' }));
    await save(user);
    const context = saved(server).decisions[0]!.logic as ContextExpression;
    expect(context.entries.map((e) => [e.name ?? '(result)', e.value.kind === 'literalExpression' ? e.value.text : ''])).toEqual([
      ['customer', 'Level rank(Risk tolerance)'],
      ['productRank', 'Level rank(Product risk)'],
      ['entry', ''],
      ['(result)', 'productRank - customer + 0'],
    ]);
  });

  it('edits a knowledge model whose body is a decision table in the decision’s grid, its parameters read by its inputs', async () => {
    const model = drgModel();
    const tableBody: BusinessKnowledgeModel = {
      name: 'Level rank',
      parameters: [{ name: 'level', typeRef: 'string' }],
      body: {
        kind: 'decisionTable',
        hitPolicy: 'U',
        inputs: [{ expression: 'level' }],
        outputs: [{ name: 'rank' }],
        rules: [{ inputEntries: ['"R1"'], outputEntries: ['1'] }, { inputEntries: ['"R2"'], outputEntries: ['2'] }],
      },
    };
    const { server, user } = openDesigner('/decision/suitability?bkm=Level%20rank', { ...model, businessKnowledgeModels: [tableBody] });
    await screen.findByRole('region', { name: 'Properties of Business knowledge model “Level rank”' });
    const grid = screen.getByRole('grid', { name: 'Rules of Level rank' });
    expect(within(grid).getAllByRole('gridcell').map((c) => c.textContent).slice(0, 2)).toEqual(['"R1"', '1']);
    // The input reads the parameter: no warning of an unknown name.
    expect(screen.queryByText(/“level” is not a name this model defines/)).toBeNull();
    await user.click(within(grid).getAllByRole('gridcell')[1]!);
    await user.keyboard('{Enter}');
    const editor = screen.getByRole('textbox', { name: 'rank, rule 1' });
    await user.clear(editor);
    await user.type(editor, '10{Enter}');
    await user.click(screen.getByRole('button', { name: 'Add rule below' }));
    await save(user);
    const body = saved(server).businessKnowledgeModels![0]!.body;
    expect(body?.kind === 'decisionTable' ? body.rules.map((r) => r.outputEntries) : body).toEqual([['10'], ['2'], ['']]);
  });

  it('gives a new knowledge model a decision table as its body', async () => {
    const model = drgModel();
    const { server, user } = openDesigner('/decision/suitability?bkm=Level%20rank', { ...model, businessKnowledgeModels: [{ name: 'Level rank', parameters: [{ name: 'level', typeRef: 'string' }] }] });
    await screen.findByRole('region', { name: 'Properties of Business knowledge model “Level rank”' });
    await user.click(screen.getByRole('button', { name: 'decision table' }));
    expect(screen.getByRole('grid', { name: 'Rules of Level rank' })).toBeTruthy();
    await save(user);
    expect(saved(server).businessKnowledgeModels![0]!.body?.kind).toBe('decisionTable');
  });

  it('edits a knowledge model’s parameters and body', async () => {
    const { server, user } = openDesigner('/decision/suitability?bkm=Level%20rank');
    await screen.findByRole('region', { name: 'Properties of Business knowledge model “Level rank”' });
    expect(screen.getByText('A decision invokes the knowledge model with these arguments, in this order: Level rank(level)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add parameter' }));
    const second = screen.getByRole('textbox', { name: 'Parameter 2' });
    await user.clear(second);
    await user.type(second, 'levels{Enter}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type of levels' }), 'Any');
    const body = screen.getByRole('textbox', { name: 'Expression of Level rank (FEEL)' });
    await user.clear(body);
    await user.type(body, 'index of(levels, level)[[1]');
    expect(screen.queryByText(/is nothing this expression can read/)).toBeNull();
    await save(user);
    expect(saved(server).businessKnowledgeModels![0]).toEqual<BusinessKnowledgeModel>({
      name: 'Level rank',
      parameters: [{ name: 'level', typeRef: 'string' }, { name: 'levels', typeRef: 'Any' }],
      body: { kind: 'literalExpression', text: 'index of(levels, level)[1]' },
    });
  });
});
