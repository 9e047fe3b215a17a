// @vitest-environment node
import { compileDecisionModel, exportDmn, importDmn, type DecisionArtifact } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { drgModel } from '../testing/tables.js';
import { addBusinessKnowledgeModel, addDecision, addInputData, addRequirement } from './drg-edits.js';
import { addContextEntry, addParameter, changeBody, onContext, onLiteral, renameContextEntry, setContextEntryText, setLiteralText, withDecisionLogic, withKnowledgeModel } from './logic-edits.js';

/**
 * The DRG of a model: what DMN XML carries (the artifact's key, title and tests are not DMN's). The
 * importer writes a requirement list it found empty as `[]`, the designer leaves it out: the same.
 */
const drg = ({ decisions, inputData, businessKnowledgeModels }: DecisionArtifact): unknown =>
  JSON.parse(JSON.stringify({ decisions, inputData, businessKnowledgeModels }, (key, value: unknown) => (['decisions', 'inputs', 'knowledge'].includes(key) && Array.isArray(value) && value.length === 0 ? undefined : value)));

describe('the designer’s edits survive DMN XML', () => {
  it('a model edited in the diagram, its literal expressions, contexts and knowledge model, exports and imports as it was', () => {
    let model = drgModel();
    model = addInputData(model, 'Income', 'number');
    model = addBusinessKnowledgeModel(model, 'Band');
    model = withKnowledgeModel(model, 1, (b) => changeBody(addParameter(b, 'amount'), onLiteral((e) => setLiteralText(e, 'if amount > 100000 then "high" else "low"'))));
    model = addDecision(model, 'Income band', 'context');
    model = addRequirement(addRequirement(model, { kind: 'inputData', name: 'Income' }, { kind: 'decision', name: 'Income band' }), { kind: 'businessKnowledgeModel', name: 'Band' }, { kind: 'decision', name: 'Income band' });
    model = withDecisionLogic(model, 3, onContext((c) => setContextEntryText(renameContextEntry(addContextEntry(c, 0), 0, 'band'), 1, 'band')));
    model = withDecisionLogic(model, 3, onContext((c) => setContextEntryText(c, 0, 'Band(Income)')));
    model = withDecisionLogic(model, 2, onLiteral((e) => setLiteralText(e, 'if Suitable then "suitable" else "not suitable"')));
    expect(compileDecisionModel(model).diagnostics).toEqual([]);

    const imported = importDmn(exportDmn(model));
    expect(imported.warnings).toEqual([]);
    expect(drg({ ...model, ...imported.model } as DecisionArtifact)).toEqual(drg(model));
    const evaluated = compileDecisionModel(imported.model).evaluate('Income band', { Income: 200000 });
    expect(evaluated.value).toBe('high');
  });
});
