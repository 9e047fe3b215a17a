import type { SubflowNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { NumberControl, SelectControl } from '../../data-model/controls/Controls.js';
import { compact } from '../document/map-edits.js';
import { BoundaryTimersEditor } from './activity/BoundaryTimersEditor.js';
import { RepeatFields } from './activity/RepeatFields.js';
import { MapRows } from './MapRows.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';
import { usePublishedArtifacts } from './usePublished.js';

/** A subflow: which published flow runs, what it is given, what comes back. */
export function SubflowProperties({ node }: { node: SubflowNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const change = useNodeChange(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, ...tokens);
  // A flow cannot call itself.
  const flows = usePublishedArtifacts('flow').filter((f) => f.key !== flow.key);
  const known = flows.some((f) => f.key === node.flowKey);
  return (
    <>
      <SelectControl
        label={t('subflow.flow')}
        value={node.flowKey}
        choices={[
          ...(node.flowKey === '' ? [{ value: '', label: t('choose') }] : []),
          ...flows.map((f) => ({ value: f.key, label: `${f.title} (${f.key})` })),
          ...(node.flowKey !== '' && !known ? [{ value: node.flowKey, label: t('subflow.notPublished', { key: node.flowKey }) }] : []),
        ]}
        onChange={(flowKey) => change('flowKey', (n) => compact({ ...n, flowKey, version: undefined }))}
        problems={problemsAt(path('flowKey'))}
      />
      <NumberControl label={t('subflow.version')} help={t('subflow.versionHelp')} value={node.version} min={1} onChange={(version) => change('version', (n) => compact({ ...n, version }))} problems={problemsAt(path('version'))} />
      <MapRows
        legend={t('subflow.inputs')}
        help={t('subflow.inputsHelp')}
        map={node.inputs}
        path={path('inputs')}
        keyCell={{ kind: 'text' }}
        valueCell={{ kind: 'feel' }}
        keyLabel={(n) => t('subflow.inputName', { number: n })}
        valueLabel={(n) => t('subflow.inputFeel', { number: n })}
        addLabel={t('subflow.addInput')}
        newKey="variable"
        onChange={(inputs) => change('inputs', (n) => ({ ...n, inputs }))}
      />
      <MapRows
        legend={t('subflow.outputs')}
        help={t('subflow.outputsHelp')}
        map={node.outputs}
        path={path('outputs')}
        keyCell={{ kind: 'choice', choices: flow.variables.map((v) => v.name) }}
        valueCell={{ kind: 'text' }}
        keyLabel={(n) => t('subflow.outputVariable', { number: n })}
        valueLabel={(n) => t('subflow.outputChild', { number: n })}
        addLabel={t('subflow.addOutput')}
        newKey={flow.variables.find((v) => !(v.name in node.outputs))?.name ?? 'result'}
        onChange={(outputs) => change('outputs', (n) => ({ ...n, outputs }))}
      />
      <RepeatFields node={node} />
      <BoundaryTimersEditor node={node} />
    </>
  );
}
