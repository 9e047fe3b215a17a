import {
  compileDecisionModel,
  runDecisionTests,
  type DecisionArtifact,
  type DecisionTestResult,
  type MatchedRules,
} from '@bankforge/rule-engine';
import { useEffect, useEffectEvent, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluationResult } from './EvaluationResult.js';
import { evaluateDraft } from './evaluate-draft.js';
import { InputForm } from './InputForm.js';
import { formValues, inputFields, inputsOf, type FormValues, type InputError } from './input-fields.js';
import { FillReport } from './record-fill/FillReport.js';
import { filledInputs } from './record-fill/record-fill.js';
import { RecordFillDialog, type RecordFill } from './record-fill/RecordFillDialog.js';
import { RuleCoverage, type RuleSelection } from './RuleCoverage.js';
import { addTestCase, freshCaseName, removeTestCase, replaceTestCase } from './test-case-edits.js';
import { TestCaseDialog } from './TestCaseDialog.js';
import { TestCaseList } from './TestCaseList.js';
import { useDebouncedValue } from './useDebouncedValue.js';
import './test-panel.css';

export interface DecisionTestPanelProps {
  /** The draft as edited now. */
  artifact: DecisionArtifact;
  /** A changed draft (test cases added, edited, removed): the page records it for undo. */
  onChange(next: DecisionArtifact): void;
  /** The rules each table matched in the evaluation shown (empty: none), for the grid to highlight. */
  onHighlight?(rules: readonly MatchedRules[]): void;
  /** Rules no test case reaches, for the grid to select. */
  onSelectRules?(selection: RuleSelection): void;
}

/** Edits settle this long before the draft is compiled and its test cases run again. */
export const TEST_RUN_DELAY_MS = 300;

type Editing = { mode: 'save' } | { mode: 'edit'; index: number };

/**
 * Tries the draft in the browser with the real engine (nothing is sent or written), keeps answers
 * as test cases, runs them all on every change, and shows which rules no case reaches.
 */
export function DecisionTestPanel({
  artifact,
  onChange,
  onHighlight,
  onSelectRules,
}: DecisionTestPanelProps) {
  const { t } = useTranslation('decisionTests');
  const id = useId();
  const settled = useDebouncedValue(artifact, TEST_RUN_DELAY_MS);
  const compiled = useMemo(() => compileDecisionModel(settled), [settled]);
  const report = useMemo(() => runDecisionTests(settled, compiled), [settled, compiled]);
  const fields = useMemo(() => inputFields(artifact), [artifact]);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<Record<string, InputError>>({});
  const [tried, setTried] = useState<Record<string, unknown> | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [filling, setFilling] = useState(false);
  const [fill, setFill] = useState<RecordFill | null>(null);
  const answer = useMemo(
    () => (tried === null ? null : evaluateDraft(settled, compiled, tried)),
    [settled, compiled, tried],
  );

  // The grid follows the evaluation shown, also as the draft changes under it.
  const highlight = useEffectEvent((rules: readonly MatchedRules[]) => onHighlight?.(rules));
  useEffect(() => {
    if (answer) highlight(answer.evaluation?.matchedRules ?? []);
  }, [answer]);

  const evaluate = (event: FormEvent) => {
    event.preventDefault();
    const read = inputsOf(fields, values);
    setErrors(read.errors);
    if (Object.keys(read.errors).length === 0) setTried(read.inputs);
  };
  const clear = () => {
    setValues({});
    setErrors({});
    setTried(null);
    setFill(null);
    onHighlight?.([]);
  };
  // The record's values replace those of the inputs it filled; the others keep what the analyst typed.
  const fillFrom = (chosen: RecordFill) => {
    const filled = filledInputs(chosen.outcomes);
    const texts = formValues(
      fields.filter((f) => f.name in filled),
      filled,
    );
    setValues((current) => ({ ...current, ...texts }));
    setErrors({});
    setFill(chosen);
    setFilling(false);
  };
  const load = (index: number) => {
    const test = artifact.tests?.[index];
    if (!test) return;
    setValues(formValues(fields, test.inputs));
    setErrors({});
    setTried(test.inputs);
  };
  const accept = (result: DecisionTestResult) => {
    const test = artifact.tests?.[result.index];
    if (!test) return;
    const expected = Object.fromEntries(
      Object.keys(test.expected).map((output) => [output, result.actual[output] ?? null]),
    );
    onChange(replaceTestCase(artifact, result.index, { ...test, expected }));
  };

  const evaluation = answer?.evaluation;
  const editedTest = editing?.mode === 'edit' ? artifact.tests?.[editing.index] : undefined;

  return (
    <section className="dt-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('title')}</h2>

      <section aria-labelledby={`${id}-try`}>
        <h3 id={`${id}-try`}>{t('try.title')}</h3>
        <p className="help">{t('try.intro')}</p>
        <form onSubmit={evaluate} noValidate aria-labelledby={`${id}-try`}>
          <InputForm fields={fields} values={values} errors={errors} onChange={setValues} />
          <div className="button-row">
            <button type="submit" className="primary">
              {t('try.evaluate')}
            </button>
            <button type="button" onClick={clear}>
              {t('try.clear')}
            </button>
            {fields.length > 0 && (
              <button type="button" onClick={() => setFilling(true)}>
                {t('fill.open')}
              </button>
            )}
          </div>
        </form>
        {fill && <FillReport fill={fill} />}
        {answer?.error !== undefined && (
          <p role="alert" className="error-text">
            {t('try.failed', { message: answer.error })}
          </p>
        )}
        {evaluation && (
          <>
            <EvaluationResult evaluation={evaluation} />
            <button type="button" onClick={() => setEditing({ mode: 'save' })}>
              {t('try.saveAsCase')}
            </button>
          </>
        )}
      </section>

      <section aria-labelledby={`${id}-tests`}>
        <h3 id={`${id}-tests`}>{t('tests.title')}</h3>
        <TestCaseList
          report={report}
          onLoad={load}
          onShowRules={(result) => onHighlight?.(result.matchedRules)}
          onAccept={accept}
          onEdit={(index) => setEditing({ mode: 'edit', index })}
          onDelete={(index) => onChange(removeTestCase(artifact, index))}
        />
      </section>

      <section aria-labelledby={`${id}-coverage`}>
        <h3 id={`${id}-coverage`}>{t('coverage.title')}</h3>
        <RuleCoverage coverage={report.coverage} onSelectRules={onSelectRules} />
      </section>

      {filling && <RecordFillDialog fields={fields} onFill={fillFrom} onClose={() => setFilling(false)} />}
      {editing?.mode === 'save' && evaluation && tried && (
        <TestCaseDialog
          title={t('dialog.saveTitle')}
          confirmLabel={t('dialog.save')}
          initial={{
            name: freshCaseName(artifact, (n) => t('dialog.defaultName', { n })),
            inputs: tried,
            expected: evaluation.outputs,
          }}
          fields={fields}
          onSave={(test) => {
            onChange(addTestCase(artifact, test));
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.mode === 'edit' && editedTest && (
        <TestCaseDialog
          title={t('dialog.editTitle', { name: editedTest.name })}
          confirmLabel={t('dialog.apply')}
          initial={editedTest}
          fields={fields}
          onSave={(test) => {
            onChange(replaceTestCase(artifact, editing.index, test));
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
