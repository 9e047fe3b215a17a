import type { DecisionNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { NumberControl, SelectControl } from '../../data-model/controls/Controls.js';
import { compact, setEntry } from '../document/map-edits.js';
import { MapRows } from './MapRows.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';
import { usePublishedArtifacts, usePublishedDocument } from './usePublished.js';

interface DecisionInputs {
  inputData?: { name: string }[];
}

/** A decision step: which published decision, what goes in (FEEL over the variables), what comes out into which variable. */
export function DecisionProperties({ node }: { node: DecisionNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const change = useNodeChange(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, ...tokens);
  const decisions = usePublishedArtifacts('decision');
  const decision = usePublishedDocument<DecisionInputs>('decision', node.decisionKey || undefined, decisions);
  const missingInputs = (decision?.inputData ?? []).map((i) => i.name).filter((name) => !(name in node.inputs));
  const known = decisions.some((d) => d.key === node.decisionKey);

  return (
    <>
      <SelectControl
        label={t('decision.decision')}
        help={t('decision.help')}
        value={node.decisionKey}
        choices={[
          ...(node.decisionKey === '' ? [{ value: '', label: t('choose') }] : []),
          ...decisions.map((d) => ({ value: d.key, label: `${d.title} (${d.key})` })),
          ...(node.decisionKey !== '' && !known ? [{ value: node.decisionKey, label: t('decision.notPublished', { key: node.decisionKey }) }] : []),
        ]}
        onChange={(decisionKey) => change('decisionKey', (n) => compact({ ...n, decisionKey, decisionVersion: undefined }))}
        problems={problemsAt(path('decisionKey'))}
      />
      <NumberControl
        label={t('decision.version')}
        help={t('decision.versionHelp')}
        value={node.decisionVersion}
        min={1}
        onChange={(decisionVersion) => change('decisionVersion', (n) => compact({ ...n, decisionVersion }))}
        problems={problemsAt(path('decisionVersion'))}
      />
      {missingInputs.length > 0 && (
        <p className="notice">
          {t('decision.missingInputs', { names: missingInputs.join(', ') })}{' '}
          <button
            type="button"
            onClick={() =>
              change('inputs', (n) => ({
                ...n,
                // Each input starts from the variable of the same name, when the flow has one.
                inputs: missingInputs.reduce((map, name) => setEntry(map, name, flow.variables.find((v) => v.name.toLowerCase() === name.toLowerCase())?.name ?? ''), n.inputs),
              }))
            }
          >
            {t('decision.addInputs')}
          </button>
        </p>
      )}
      <MapRows
        legend={t('decision.inputs')}
        help={t('decision.inputsHelp')}
        map={node.inputs}
        path={path('inputs')}
        keyCell={{ kind: 'text' }}
        valueCell={{ kind: 'feel' }}
        keyLabel={(n) => t('decision.inputName', { number: n })}
        valueLabel={(n) => t('decision.inputFeel', { number: n })}
        addLabel={t('decision.addInput')}
        newKey="input"
        onChange={(inputs) => change('inputs', (n) => ({ ...n, inputs }))}
      />
      <MapRows
        legend={t('decision.outputs')}
        help={t('decision.outputsHelp')}
        map={node.outputs}
        path={path('outputs')}
        keyCell={{ kind: 'choice', choices: flow.variables.map((v) => v.name) }}
        valueCell={{ kind: 'text' }}
        keyLabel={(n) => t('decision.outputVariable', { number: n })}
        valueLabel={(n) => t('decision.outputPath', { number: n })}
        addLabel={t('decision.addOutput')}
        newKey={flow.variables.find((v) => !(v.name in node.outputs))?.name ?? 'result'}
        onChange={(outputs) => change('outputs', (n) => ({ ...n, outputs }))}
      />
    </>
  );
}
