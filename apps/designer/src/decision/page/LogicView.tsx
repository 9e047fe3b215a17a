import type { Decision } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';

/**
 * A decision whose logic is not a table, read-only until its editors come: a literal expression's
 * FEEL, a context's entries with their FEEL (a nested expression of another kind is named).
 */
export function LogicView({ decision }: { decision: Decision }) {
  const { t } = useTranslation('decisionDesigner');
  const logic = decision.logic;
  if (logic === undefined) return <p className="empty-state">{t('logic.none')}</p>;
  if (logic.kind === 'literalExpression') {
    return (
      <figure className="dg-logic">
        <figcaption>{t('logic.expression')}</figcaption>
        <pre>
          <code>{logic.text}</code>
        </pre>
        <p className="help">{t('logic.readOnly')}</p>
      </figure>
    );
  }
  if (logic.kind === 'context') {
    return (
      <div className="dg-logic">
        <table className="data-table">
          <caption>{t('logic.contextCaption', { name: decision.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('logic.entry')}</th>
              <th scope="col">{t('logic.value')}</th>
            </tr>
          </thead>
          <tbody>
            {logic.entries.map((entry, i) => (
              <tr key={i}>
                <th scope="row">{entry.name ?? t('logic.result')}</th>
                <td>{entry.value.kind === 'literalExpression' ? <code>{entry.value.text}</code> : t('logic.nested', { kind: t(`logicKind.${entry.value.kind}`) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help">{t('logic.readOnly')}</p>
      </div>
    );
  }
  return <p className="empty-state">{t('logic.other', { kind: t(`logicKind.${logic.kind}`) })}</p>;
}
