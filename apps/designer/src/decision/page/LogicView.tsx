import type { Decision } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';

/**
 * A decision whose logic the designer has no editor for yet (a relation, an invocation, a boxed
 * function...): named, so the analyst knows it is there and that DMN XML carries it unchanged.
 */
export function LogicView({ decision }: { decision: Decision }) {
  const { t } = useTranslation('decisionDesigner');
  const logic = decision.logic;
  if (logic === undefined) return <p className="empty-state">{t('logic.none')}</p>;
  return <p className="empty-state">{t('logic.other', { kind: t(`logicKind.${logic.kind}`) })}</p>;
}
