import type { DecisionTestCoverage, RuleRef } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';
import { ruleNames } from './rule-names.js';

/** Rules of one table for the grid to select: the table by its element and its place in the artifact. */
export interface RuleSelection {
  /** The decision or business knowledge model whose logic holds the table. */
  element: string;
  /** Where the table is in the artifact (a JSON Pointer, e.g. `/decisions/0/logic`). */
  path: string;
  rules: readonly RuleRef[];
}

/** Which rules no test case reaches, table by table, each set selectable in the grid. */
export function RuleCoverage({
  coverage,
  onSelectRules,
}: {
  coverage: DecisionTestCoverage;
  onSelectRules?: (selection: RuleSelection) => void;
}) {
  const { t } = useTranslation('decisionTests');
  const uncovered = coverage.tables.filter((table) => table.uncovered.length > 0);
  return (
    <>
      <p role="status">
        {t('coverage.summary', { reached: coverage.rules - coverage.uncoveredRules, count: coverage.rules })}
      </p>
      {uncovered.length === 0 ? (
        coverage.rules > 0 && <p>{t('coverage.all')}</p>
      ) : (
        <ul className="dt-coverage" aria-label={t('coverage.unreached')}>
          {uncovered.map((table) => (
            <li key={table.path}>
              <strong>{table.element}</strong>:{' '}
              {t('coverage.rules', { count: table.uncovered.length, rules: ruleNames(table.uncovered) })}
              {table.approximate && <span className="help"> {t('coverage.approximate')}</span>}{' '}
              {onSelectRules && (
                <button
                  type="button"
                  onClick={() =>
                    onSelectRules({ element: table.element, path: table.path, rules: table.uncovered })
                  }
                  aria-label={t('coverage.selectNamed', { table: table.element })}
                >
                  {t('coverage.select')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
