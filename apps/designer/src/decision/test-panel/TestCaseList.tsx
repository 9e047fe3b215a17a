import type { DecisionTestReport, DecisionTestResult } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';
import { displayValue } from '../../shell/versions/describe-change.js';

export interface TestCaseActions {
  /** Puts the case's inputs in the form and evaluates them. */
  onLoad(index: number): void;
  onShowRules(result: DecisionTestResult): void;
  /** A failing case: its actual outputs become its expected ones. */
  onAccept(result: DecisionTestResult): void;
  onEdit(index: number): void;
  onDelete(index: number): void;
}

const json = (value: unknown) => displayValue(value).short;

/** Each test case with whether it passes, what differs when it does not, and what can be done with it. */
export function TestCaseList({ report, ...actions }: { report: DecisionTestReport } & TestCaseActions) {
  const { t } = useTranslation('decisionTests');
  const total = report.results.length;
  if (total === 0) return <p className="help">{t('tests.none')}</p>;
  return (
    <>
      <p role="status" className={report.failed > 0 ? 'error-text' : undefined}>
        {t('tests.summary', { passed: report.passed, count: total })}
      </p>
      <ul className="dt-cases" aria-label={t('tests.title')}>
        {report.results.map((result) => (
          <li
            key={result.index}
            className={`dt-case ${result.passed ? 'dt-case-passed' : 'dt-case-failed'}`}
            aria-label={result.name}
          >
            <div className="dt-case-head">
              <span className={`badge ${result.passed ? 'badge-published' : 'badge-error'}`}>
                {t(result.passed ? 'tests.passed' : 'tests.failed')}
              </span>{' '}
              <strong>{result.name}</strong>
            </div>
            {result.error && <p className="error-text">{t('tests.error', { message: result.error })}</p>}
            {result.differences.length > 0 && (
              <ul className="dt-differences" aria-label={t('tests.differences', { name: result.name })}>
                {result.differences.map((d) => (
                  <li key={d.output}>
                    {t('tests.difference', {
                      output: d.output,
                      expected: json(d.expected),
                      actual: json(d.actual),
                    })}
                  </li>
                ))}
              </ul>
            )}
            <div className="row-actions">
              <button
                type="button"
                onClick={() => actions.onLoad(result.index)}
                aria-label={t('tests.loadNamed', { name: result.name })}
              >
                {t('tests.load')}
              </button>
              <button
                type="button"
                onClick={() => actions.onShowRules(result)}
                aria-label={t('tests.showRulesNamed', { name: result.name })}
              >
                {t('tests.showRules')}
              </button>
              {!result.passed && !result.error && (
                <button
                  type="button"
                  onClick={() => actions.onAccept(result)}
                  aria-label={t('tests.acceptNamed', { name: result.name })}
                >
                  {t('tests.accept')}
                </button>
              )}
              <button
                type="button"
                onClick={() => actions.onEdit(result.index)}
                aria-label={t('tests.editNamed', { name: result.name })}
              >
                {t('tests.edit')}
              </button>
              <button
                type="button"
                onClick={() => actions.onDelete(result.index)}
                aria-label={t('tests.deleteNamed', { name: result.name })}
              >
                {t('tests.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
