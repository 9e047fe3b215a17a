import type { FlowEdge } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { CheckboxControl, NumberControl } from '../../data-model/controls/Controls.js';
import { LocalizedTextFields } from '../../form-designer/properties/LocalizedTextFields.js';
import { updateEdge } from '../document/flow-edits.js';
import { compact } from '../document/map-edits.js';
import { nodeNameById } from '../document/names.js';
import { CONDITIONAL_SPLITS } from '../document/node-types.js';
import { FieldErrors } from './FieldErrors.js';
import { usePanel } from './panel-context.js';
import { FlowFeelEditor } from './FlowFeelEditor.js';

/**
 * An edge: its name, and what decides whether it is taken. Edges out of a branch or inclusive split
 * have a FEEL condition or are the default; an edge back to an earlier node is a loop with a bound.
 */
export function EdgeProperties({ edge, onDelete }: { edge: FlowEdge; onDelete(): void }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, language, change, problemsAt } = usePanel();
  const index = flow.edges.indexOf(edge);
  const path = (...tokens: string[]) => ['', 'edges', index, ...tokens].join('/');
  const set = (property: string, recipe: (e: FlowEdge) => FlowEdge) => change((f) => updateEdge(f, edge.id, recipe), `${edge.id}:${property}`);
  const source = flow.nodes.find((n) => n.id === edge.source);
  const conditional = source !== undefined && CONDITIONAL_SPLITS.has(source.type);
  const isLoop = edge.loop !== undefined;
  const own = problemsAt(path()).filter((p) => p.path === path());
  return (
    <>
      <p>{t('a11y.edge', { source: nodeNameById(flow, edge.source, language), target: nodeNameById(flow, edge.target, language) })}</p>
      <FieldErrors problems={own} />
      <LocalizedTextFields name={t('edge.name')} value={edge.name} optional onChange={(name) => set('name', (e) => compact({ ...e, name }))} />
      {conditional && !isLoop && (
        <CheckboxControl
          label={t('edge.isDefault')}
          help={t('edge.defaultHelp')}
          checked={edge.default === true}
          // The default path is the one taken when no condition holds: it has none of its own.
          onChange={(on) => set('default', (e) => compact({ ...e, default: on ? true : undefined, condition: on ? undefined : e.condition }))}
          problems={problemsAt(path('default'))}
        />
      )}
      {((conditional && edge.default !== true) || isLoop || edge.condition !== undefined) && (
        <>
          <FlowFeelEditor label={t('edge.condition')} value={edge.condition ?? ''} onChange={(condition) => set('condition', (e) => compact({ ...e, condition: condition === '' ? undefined : condition }))} />
          <FieldErrors problems={problemsAt(path('condition'))} />
        </>
      )}
      <CheckboxControl label={t('edge.loop')} help={t('edge.loopHelp')} checked={isLoop} onChange={(on) => set('loop', (e) => compact({ ...e, loop: on ? { maxIterations: 3 } : undefined }))} problems={problemsAt(path('loop'))} />
      {edge.loop !== undefined && (
        <NumberControl label={t('edge.maxIterations')} value={edge.loop.maxIterations} min={1} onChange={(max) => set('maxIterations', (e) => ({ ...e, loop: { maxIterations: max ?? 1 } }))} />
      )}
      <div className="button-row">
        <button type="button" className="danger" onClick={onDelete}>{t('edge.delete')}</button>
      </div>
    </>
  );
}
