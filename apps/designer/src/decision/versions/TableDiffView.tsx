import { useTranslation } from 'react-i18next';
import type { CellChange, ColumnChange, RuleCell, RuleChange, RulePlace, TableDiff } from './table-diff.js';

function ruleName(place: RulePlace): string {
  return place.id === undefined ? String(place.index + 1) : `${place.index + 1} (${place.id})`;
}

function Cells({ cells }: { cells: readonly RuleCell[] }) {
  const { t } = useTranslation('decisionVersions');
  return (
    <ul className="dv-cells">
      {cells.map((cell, i) => (
        <li key={i}>
          {cell.column}: <code>{cell.text || t('empty')}</code>
        </li>
      ))}
    </ul>
  );
}

function ChangedCells({ cells }: { cells: readonly CellChange[] }) {
  const { t } = useTranslation('decisionVersions');
  return (
    <ul className="dv-cells">
      {cells.map((cell, i) => (
        <li key={i}>
          {cell.column}: <del>{cell.before || t('empty')}</del> → <ins>{cell.after || t('empty')}</ins>
        </li>
      ))}
    </ul>
  );
}

function RuleLine({ change }: { change: RuleChange }) {
  const { t } = useTranslation('decisionVersions');
  if (change.kind !== 'changed') {
    const place = change.kind === 'added' ? change.after : change.before;
    return (
      <li className={`diff-change diff-${change.kind}`}>
        <span className={`badge badge-${change.kind}`}>{t(`rule.${change.kind}`)}</span>{' '}
        {t('rule.name', { rule: ruleName(place) })}
        <Cells cells={change.cells} />
      </li>
    );
  }
  return (
    <li className="diff-change diff-changed">
      <span className="badge badge-changed">
        {t(change.cells.length > 0 ? 'rule.changed' : 'rule.moved')}
      </span>{' '}
      {t('rule.name', { rule: ruleName(change.after) })}
      {change.moved && (
        <> {t('rule.movedFrom', { from: change.before.index + 1, to: change.after.index + 1 })}</>
      )}
      {change.cells.length > 0 && <ChangedCells cells={change.cells} />}
    </li>
  );
}

function ColumnLine({ change }: { change: ColumnChange }) {
  const { t } = useTranslation('decisionVersions');
  return (
    <li className={`diff-change diff-${change.kind}`}>
      <span className={`badge badge-${change.kind}`}>{t(`column.${change.kind}`)}</span>{' '}
      {t(`column.${change.part}`, { column: change.column })}
      {change.properties.length > 0 && (
        <ul className="dv-cells">
          {change.properties.map((p) => (
            <li key={p.property}>
              {t(`property.${p.property}`)}: <del>{p.before || t('empty')}</del> →{' '}
              <ins>{p.after || t('empty')}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The decision tables' changes between two versions, table by table, by rule and cell. */
export function TableDiffView({ diffs }: { diffs: readonly TableDiff[] }) {
  const { t } = useTranslation('decisionVersions');
  if (diffs.length === 0) return <p>{t('noTableChanges')}</p>;
  return (
    <>
      {diffs.map((diff) => (
        <section
          key={diff.element}
          className="dv-table"
          aria-label={t('table.label', { table: diff.element })}
        >
          <h4>{t('table.label', { table: diff.element })}</h4>
          {diff.kind !== 'changed' ? (
            <p>
              {t(`table.${diff.kind}`, {
                count: diff.kind === 'added' ? diff.ruleCount.after : diff.ruleCount.before,
              })}
            </p>
          ) : (
            <>
              {diff.hitPolicy && <p>{t('table.hitPolicy', diff.hitPolicy)}</p>}
              {diff.columns.length > 0 && (
                <ul className="diff-list" aria-label={t('table.columns')}>
                  {diff.columns.map((change, i) => (
                    <ColumnLine key={i} change={change} />
                  ))}
                </ul>
              )}
              {diff.rules.length > 0 && (
                <ul className="diff-list" aria-label={t('table.rules')}>
                  {diff.rules.map((change, i) => (
                    <RuleLine key={i} change={change} />
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      ))}
    </>
  );
}
