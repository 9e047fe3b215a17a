import type { FlowNode } from '@bankforge/flow-engine';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedTextFields } from '../../form-designer/properties/LocalizedTextFields.js';
import { updateNode } from '../document/flow-edits.js';
import { nodeName, typeName } from '../document/names.js';
import type { Selection } from '../canvas/selection.js';
import { ApprovalProperties } from './ApprovalProperties.js';
import { DecisionProperties } from './DecisionProperties.js';
import { EdgeProperties } from './EdgeProperties.js';
import { EndProperties } from './EndProperties.js';
import { FieldErrors } from './FieldErrors.js';
import { FlowProperties } from './FlowProperties.js';
import { GatewayProperties } from './GatewayProperties.js';
import { NotifyProperties } from './NotifyProperties.js';
import { usePanel } from './panel-context.js';
import { ServiceProperties } from './ServiceProperties.js';
import { SubflowProperties } from './SubflowProperties.js';
import { TimerProperties } from './TimerProperties.js';
import { nodePath } from './useNodeChange.js';

export interface PropertiesPanelProps {
  selection: Selection;
  onSelectEdge(id: string): void;
  onDeleteEdge(id: string): void;
  /** The heading: Enter on the canvas puts the focus here, and Tab goes on into the fields. */
  headingRef: Ref<HTMLHeadingElement>;
}

/** The properties of what is selected: a node (by its type), an edge, or the flow itself. Its heading takes the focus on Enter. */
export function PropertiesPanel({ selection, onSelectEdge, onDeleteEdge, headingRef }: PropertiesPanelProps) {
  const { t } = useTranslation('flowDesigner');
  const { flow, language } = usePanel();
  const edge = selection.edge === null ? undefined : flow.edges.find((e) => e.id === selection.edge);
  const node = selection.nodes.length === 1 ? flow.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const title =
    edge !== undefined ? t('properties.edge')
    : node !== undefined ? t('a11y.node', { type: typeName(node, language), name: nodeName(node, language) })
    : selection.nodes.length > 1 ? t('properties.several', { count: selection.nodes.length })
    : t('properties.flow');
  return (
    <aside className="flow-properties" aria-labelledby="flow-properties-title">
      <h2 id="flow-properties-title" ref={headingRef} tabIndex={-1}>{title}</h2>
      {edge !== undefined && <EdgeProperties key={edge.id} edge={edge} onDelete={() => onDeleteEdge(edge.id)} />}
      {node !== undefined && <NodeProperties key={node.id} node={node} onSelectEdge={onSelectEdge} />}
      {selection.nodes.length > 1 && <p className="help">{t('properties.severalHelp')}</p>}
      {edge === undefined && selection.nodes.length === 0 && <FlowProperties />}
    </aside>
  );
}

function NodeProperties({ node, onSelectEdge }: { node: FlowNode; onSelectEdge(id: string): void }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, change, problemsAt } = usePanel();
  const own = problemsAt(nodePath(flow.nodes, node)).filter((p) => p.path === nodePath(flow.nodes, node));
  return (
    <>
      <FieldErrors problems={own} />
      <LocalizedTextFields name={t('properties.name')} value={node.name} onChange={(name) => name && change((f) => updateNode(f, node.id, (n) => ({ ...n, name })), `${node.id}:name`)} />
      <p className="help">{t('properties.id', { id: node.id })}</p>
      {node.type === 'start' && <p className="help">{t('start.help')}</p>}
      {node.type === 'approval' && <ApprovalProperties node={node} />}
      {(node.type === 'branch' || node.type === 'inclusive' || node.type === 'parallel' || node.type === 'join' || node.type === 'inclusiveJoin') && <GatewayProperties node={node} onSelectEdge={onSelectEdge} />}
      {node.type === 'decision' && <DecisionProperties node={node} />}
      {node.type === 'service' && <ServiceProperties node={node} />}
      {node.type === 'notify' && <NotifyProperties node={node} />}
      {node.type === 'timer' && <TimerProperties node={node} />}
      {node.type === 'subflow' && <SubflowProperties node={node} />}
      {(node.type === 'end' || node.type === 'terminate') && <EndProperties node={node} />}
    </>
  );
}
