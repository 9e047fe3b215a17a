import type { DecisionTestCase } from '@bankforge/rule-engine';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@bankforge/app-shell';
import { InputForm } from './InputForm.js';
import { formValues, inputsOf, type InputError, type InputField } from './input-fields.js';

export interface TestCaseDialogProps {
  title: string;
  confirmLabel: string;
  /** The case as it is (a new one: the evaluated inputs with the outputs as expected). */
  initial: DecisionTestCase;
  fields: readonly InputField[];
  onSave(test: DecisionTestCase): void;
  onClose(): void;
}

/** A test case's name, inputs and expected outputs (as JSON), checked before it is kept. */
export function TestCaseDialog({
  title,
  confirmLabel,
  initial,
  fields,
  onSave,
  onClose,
}: TestCaseDialogProps) {
  const { t } = useTranslation('decisionTests');
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [values, setValues] = useState(() => formValues(fields, initial.inputs));
  const [expected, setExpected] = useState(() =>
    Object.entries(initial.expected).map(([output, value]) => ({ output, text: JSON.stringify(value) })),
  );
  const [inputErrors, setInputErrors] = useState<Record<string, InputError>>({});
  const [expectedErrors, setExpectedErrors] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const { inputs, errors } = inputsOf(fields, values);
    const parsed: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const { output, text } of expected) {
      try {
        parsed[output] = JSON.parse(text) as unknown;
      } catch {
        bad.add(output);
      }
    }
    setInputErrors(errors);
    setExpectedErrors(bad);
    if (name.trim() === '' || Object.keys(errors).length > 0 || bad.size > 0 || expected.length === 0) return;
    // Inputs the decision no longer declares are kept: the case is the analyst's, not the form's.
    const undeclared = Object.fromEntries(
      Object.entries(initial.inputs).filter(([input]) => !fields.some((f) => f.name === input)),
    );
    onSave({ ...initial, name: name.trim(), inputs: { ...undeclared, ...inputs }, expected: parsed });
  };

  return (
    <Dialog title={title} onClose={onClose} className="dialog-wide">
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <label htmlFor={`${id}-name`}>{t('dialog.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={submitted && name.trim() === '' ? true : undefined}
          />
          {submitted && name.trim() === '' && <span className="field-error">{t('dialog.nameRequired')}</span>}
        </div>
        <fieldset>
          <legend>{t('dialog.inputs')}</legend>
          <InputForm fields={fields} values={values} errors={inputErrors} onChange={setValues} />
        </fieldset>
        <fieldset>
          <legend>{t('dialog.expected')}</legend>
          <p className="help">{t('dialog.expectedHint')}</p>
          {expected.map(({ output, text }, i) => (
            <div className="form-row" key={output}>
              <label htmlFor={`${id}-expected-${i}`}>{output}</label>
              <input
                id={`${id}-expected-${i}`}
                value={text}
                aria-invalid={expectedErrors.has(output) ? true : undefined}
                onChange={(e) =>
                  setExpected(
                    expected.map((x) => (x.output === output ? { output, text: e.target.value } : x)),
                  )
                }
              />{' '}
              <button
                type="button"
                onClick={() => setExpected(expected.filter((x) => x.output !== output))}
                aria-label={t('dialog.removeExpected', { output })}
              >
                {t('dialog.remove')}
              </button>
              {expectedErrors.has(output) && (
                <span className="field-error">{t('dialog.expectedInvalid')}</span>
              )}
            </div>
          ))}
          {submitted && expected.length === 0 && <p className="field-error">{t('dialog.expectedNone')}</p>}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="primary">
            {confirmLabel}
          </button>
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
