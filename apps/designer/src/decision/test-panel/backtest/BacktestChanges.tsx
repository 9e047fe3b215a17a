import type { DecisionBacktestResult } from '@bankforge/client';
import { sameJson } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';
import { displayValue } from '../../../shell/versions/describe-change.js';

const json = (value: unknown) => displayValue(value === undefined ? null : value).short;

/** The outputs that differ between two answers, as `name: before → after`. */
export function changedOutputs(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names
    .filter((name) => !sameJson(before[name] ?? null, after[name] ?? null))
    .map((name) => `${name}: ${json(before[name])} → ${json(after[name])}`);
}

/** The logged evaluations the draft answers differently: when, with what inputs, and what changes. */
export function BacktestChanges({ result }: { result: DecisionBacktestResult }) {
  const { t, i18n } = useTranslation('decisionTests');
  if (result.changed === 0) return <p>{t('backtest.noChanges')}</p>;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <>
      {result.changes.length < result.changed && (
        <p className="help">
          {t('backtest.shown', { shown: result.changes.length, changed: result.changed })}
        </p>
      )}
      <table className="data-table" aria-label={t('backtest.changes')}>
        <thead>
          <tr>
            <th scope="col">{t('backtest.at')}</th>
            <th scope="col">{t('backtest.inputs')}</th>
            <th scope="col">{t('backtest.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {result.changes.map((change) => (
            <tr key={change.evaluationId}>
              <td>
                <time dateTime={change.at}>{date.format(new Date(change.at))}</time>
              </td>
              <td>
                <code title={displayValue(change.inputs).full}>{json(change.inputs)}</code>
              </td>
              <td>
                <ul className="dt-differences">
                  {changedOutputs(change.before, change.after).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
