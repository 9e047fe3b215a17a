import { useTranslation } from 'react-i18next';
import { displayValue } from '../../shell/versions/describe-change.js';
import type { DraftEvaluation } from './evaluate-draft.js';
import { matchedRefs, ruleNames } from './rule-names.js';

function Json({ value }: { value: unknown }) {
  const { short, full } = displayValue(value === undefined ? null : value);
  return <code title={full}>{short}</code>;
}

/** What the draft answered: the outputs, the rules each table matched, warnings, and the full trace. */
export function EvaluationResult({ evaluation }: { evaluation: DraftEvaluation }) {
  const { t } = useTranslation('decisionTests');
  const tables = evaluation.trace.tables;
  return (
    <div className="dt-result">
      <table className="data-table" aria-label={t('result.outputs')}>
        <thead>
          <tr>
            <th scope="col">{t('result.output')}</th>
            <th scope="col">{t('result.value')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(evaluation.outputs).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>
                <Json value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{t('result.matched')}</h4>
      <ul className="dt-matched" aria-label={t('result.matched')}>
        {tables.map((table, i) => (
          <li key={`${table.table}-${i}`}>
            <strong>{table.table}</strong>:{' '}
            {table.matchedRules.length > 0
              ? t('result.rules', {
                  count: table.matchedRules.length,
                  rules: ruleNames(matchedRefs(table.matchedRules, table.matchedRuleIds)),
                })
              : t(table.defaulted ? 'result.defaulted' : 'result.noMatch')}
          </li>
        ))}
      </ul>

      {evaluation.warnings.length > 0 && (
        <div role="status" className="notice notice-warning">
          <strong>{t('result.warnings', { count: evaluation.warnings.length })}</strong>
          <ul>
            {evaluation.warnings.map((warning, i) => (
              <li key={i}>{warning.element ? `${warning.element}: ${warning.message}` : warning.message}</li>
            ))}
          </ul>
        </div>
      )}

      <details className="dt-trace">
        <summary>{t('result.trace')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('trace.table')}</th>
              <th scope="col">{t('trace.hitPolicy')}</th>
              <th scope="col">{t('trace.inputs')}</th>
              <th scope="col">{t('trace.matched')}</th>
              <th scope="col">{t('trace.result')}</th>
            </tr>
          </thead>
          <tbody>
            {tables.map((table, i) => (
              <tr key={`${table.table}-${i}`}>
                <th scope="row">{table.table}</th>
                <td>{table.hitPolicy}</td>
                <td>
                  <Json value={table.inputs} />
                </td>
                <td>{ruleNames(matchedRefs(table.matchedRules, table.matchedRuleIds)) || '—'}</td>
                <td>
                  <Json value={table.result} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h4>{t('trace.values')}</h4>
        <dl className="dt-trace-values">
          {evaluation.trace.decisions.map((d, i) => (
            <div key={`${d.element}-${i}`}>
              <dt>
                {d.element} <span className="help">({t(`trace.kind.${d.kind}`)})</span>
              </dt>
              <dd>
                <Json value={d.value} />
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
