import type { BranchNode, InclusiveJoinNode, InclusiveNode, JoinNode, ParallelNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { SelectControl } from '../../data-model/controls/Controls.js';
import { compact, moveItem } from '../document/map-edits.js';
import { nodeName, nodeNameById } from '../document/names.js';
import { CONDITIONAL_SPLITS } from '../document/node-types.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';

type Gateway = BranchNode | InclusiveNode | ParallelNode | JoinNode | InclusiveJoinNode;

/**
 * Splits and joins: what each does, in words; a branch's paths in the order their conditions are
 * tried (moved up and down here), and an inclusive join's split.
 */
export function GatewayProperties({ node, onSelectEdge }: { node: Gateway; onSelectEdge(id: string): void }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, language, change, problemsAt } = usePanel();
  const changeNode = useNodeChange<Gateway>(node);
  const outgoing = flow.edges.filter((e) => e.source === node.id);
  const move = (edgeId: string, delta: number) =>
    change((f) => {
      // The paths keep their places among the other edges: only their order among themselves changes.
      const mine = f.edges.filter((e) => e.source === node.id);
      const moved = moveItem(mine, mine.findIndex((e) => e.id === edgeId), delta);
      let i = 0;
      return { ...f, edges: f.edges.map((e) => (e.source === node.id ? moved[i++]! : e)) };
    });
  const splits = flow.nodes.filter((n) => n.type === 'inclusive');
  return (
    <>
      <p className="help">{t(`gateway.help.${node.type}`)}</p>
      {CONDITIONAL_SPLITS.has(node.type) && outgoing.length > 0 && (
        <section aria-labelledby="flow-paths-title">
          <h3 id="flow-paths-title">{t('gateway.paths')}</h3>
          <ol className="flow-paths">
            {outgoing.map((edge, index) => {
              const target = nodeNameById(flow, edge.target, language);
              return (
                <li key={edge.id}>
                  <span>{t('gateway.pathTo', { name: target })}</span>{' '}
                  <code>{edge.default ? t('edge.default') : (edge.condition ?? t('gateway.noCondition'))}</code>{' '}
                  <button type="button" onClick={() => onSelectEdge(edge.id)}>{t('gateway.editPath', { name: target })}</button>
                  <button type="button" disabled={index === 0} onClick={() => move(edge.id, -1)}>{t('gateway.moveUp', { name: target })}</button>
                  <button type="button" disabled={index === outgoing.length - 1} onClick={() => move(edge.id, 1)}>{t('gateway.moveDown', { name: target })}</button>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {node.type === 'inclusiveJoin' && (
        <SelectControl
          label={t('gateway.split')}
          value={node.splitId ?? ''}
          choices={[{ value: '', label: t('gateway.splitInferred') }, ...splits.map((s) => ({ value: s.id, label: nodeName(s, language) }))]}
          onChange={(splitId) => changeNode('splitId', (n) => compact({ ...n, splitId: splitId === '' ? undefined : splitId }))}
          problems={problemsAt(nodePath(flow.nodes, node, 'splitId'))}
        />
      )}
    </>
  );
}
