import type { DecisionTable, DecisionTableAnalysis, TableGap } from '@bankforge/rule-engine';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cursor } from '../grid/cursor.js';
import { columnName, problemText } from '../grid/messages.js';
import type { TableIssues } from '../grid/table-check.js';
import type { TableAnalysisState } from './useTableAnalysis.js';

export interface ServerProblem {
  row: number;
  column: number;
  message: string;
}

interface TableProblemsProps {
  table: DecisionTable;
  issues: TableIssues;
  serverProblems: readonly ServerProblem[];
  analysis: TableAnalysisState;
  /** Shows a cell (or with row -1 a column's header) in the grid. */
  onShow(cursor: Cursor): void;
  onAddGapRule(gap: TableGap): void;
}

/**
 * What is wrong with the table shown: cells and columns that are not FEEL (or read unknown names),
 * what the server refused, and the analysis' gaps, overlaps and rules that never decide. Each
 * finding shows its cell or rule in the grid; a gap can become a rule.
 */
export function TableProblems({ table, issues, serverProblems, analysis, onShow, onAddGapRule }: TableProblemsProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const column = (c: number) => columnName(t, table, c);
  const feelProblems = [
    ...serverProblems.map((p) => ({
      cursor: { row: p.row, column: p.column },
      text: p.row < 0 ? t('problems.serverColumn', { column: column(p.column), message: p.message }) : t('problems.server', { rule: p.row + 1, column: column(p.column), message: p.message }),
    })),
    ...[...issues.columns.entries()].flatMap(([c, list]) =>
      list.map((issue) => ({ cursor: { row: -1, column: c }, text: t('problems.column', { column: column(c), field: t(`problems.field.${issue.field}`), message: problemText(t, issue.problem) }) })),
    ),
    ...issues.cells.map((issue) => ({ cursor: { row: issue.row, column: issue.column }, text: t('problems.cell', { rule: issue.row + 1, column: column(issue.column), message: problemText(t, issue.problem) }) })),
  ];

  return (
    <div className="dg-problems">
      <section aria-labelledby={`${id}-feel`}>
        <h3 id={`${id}-feel`}>{t('problems.heading')}</h3>
        {feelProblems.length === 0 ? (
          <p className="help">{t('problems.none')}</p>
        ) : (
          <ul className="problem-list">
            {feelProblems.map((problem, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => onShow(problem.cursor)}>
                  {problem.text}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${id}-analysis`} aria-busy={!analysis.current}>
        <h3 id={`${id}-analysis`}>{t('analysis.heading')}</h3>
        {analysis.analysis === null ? (
          <p role="status" className="help">
            {t('analysis.running')}
          </p>
        ) : (
          <AnalysisFindings table={table} analysis={analysis.analysis} t={t} onShow={onShow} onAddGapRule={onAddGapRule} />
        )}
      </section>
    </div>
  );
}

interface FindingsProps {
  table: DecisionTable;
  analysis: DecisionTableAnalysis;
  t: TFunction<'decisionDesigner'>;
  onShow(cursor: Cursor): void;
  onAddGapRule(gap: TableGap): void;
}

function AnalysisFindings({ table, analysis, t, onShow, onAddGapRule }: FindingsProps) {
  const { gaps, overlaps, unreachable } = analysis;
  // A cell that is not FEEL is listed with the cells' problems already.
  const skipped = analysis.skipped.filter((cell) => cell.code !== 'syntaxError');
  if (gaps.length + overlaps.length + unreachable.length + skipped.length === 0) return <p className="help">{t('analysis.clean')}</p>;
  const show = (rule: number) => (
    <button type="button" className="link-button" onClick={() => onShow({ row: rule, column: 0 })}>
      {t('analysis.show', { rule: rule + 1 })}
    </button>
  );
  return (
    <>
      <ul className="problem-list dg-findings">
        {gaps.map((gap, i) => (
          <li key={`gap-${i}`}>
            {t('analysis.gap', { region: gap.text })}{' '}
            <button type="button" aria-label={t('analysis.addGapRuleFor', { region: gap.text })} onClick={() => onAddGapRule(gap)}>
              {t('analysis.addGapRule')}
            </button>
          </li>
        ))}
        {overlaps.map((overlap, i) => (
          <li key={`overlap-${i}`}>
            {t(`analysis.${overlap.code}`, { a: overlap.rules[0] + 1, b: overlap.rules[1] + 1, region: overlap.text })} {show(overlap.rules[0])}
          </li>
        ))}
        {unreachable.map((rule) => (
          <li key={`unreachable-${rule.rule}`}>
            {rule.code === 'shadowedRule'
              ? t('analysis.shadowedRule', { rule: rule.rule + 1, by: rule.coveredBy.map((r) => r + 1).join(', '), count: rule.coveredBy.length })
              : t('analysis.ruleNeverMatches', { rule: rule.rule + 1 })}{' '}
            {show(rule.rule)}
          </li>
        ))}
        {skipped.map((cell, i) => {
          const c = cell.part === 'input' ? cell.column : table.inputs.length + cell.column;
          const reason = t(`analysis.reason.${cell.code}`);
          return (
            <li key={`skipped-${i}`}>
              {cell.rule === null ? (
                t('analysis.skippedColumn', { column: columnName(t, table, c), reason })
              ) : (
                <button type="button" className="link-button" onClick={() => onShow({ row: cell.rule!, column: c })}>
                  {t('analysis.skipped', { rule: cell.rule + 1, column: columnName(t, table, c), reason })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {analysis.truncated && <p className="help">{t('analysis.truncated')}</p>}
    </>
  );
}
