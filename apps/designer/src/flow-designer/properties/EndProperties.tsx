import type { EndNode, TerminateNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { SelectControl } from '../../data-model/controls/Controls.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';

const OUTCOMES = ['approved', 'rejected', 'cancelled'] as const;

/** An end (this path ends) or a terminate (the whole case ends at once): the case's outcome. */
export function EndProperties({ node }: { node: EndNode | TerminateNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const change = useNodeChange<EndNode | TerminateNode>(node);
  return (
    <>
      <p className="help">{t(`end.help.${node.type}`)}</p>
      <SelectControl
        label={t('end.outcome')}
        value={node.outcome ?? 'approved'}
        choices={OUTCOMES.map((o) => ({ value: o, label: t(`end.outcomes.${o}`) }))}
        onChange={(outcome) => change('outcome', (n) => ({ ...n, outcome: outcome as TerminateNode['outcome'] }))}
        problems={problemsAt(nodePath(flow.nodes, node, 'outcome'))}
      />
    </>
  );
}
