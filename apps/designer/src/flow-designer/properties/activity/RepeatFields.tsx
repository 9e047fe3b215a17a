import type { ActivityLoop, MultiInstance } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { CheckboxControl, SelectControl } from '../../../data-model/controls/Controls.js';
import { compact } from '../../document/map-edits.js';
import { BoundedNumberControl } from '../BoundedNumberControl.js';
import { FieldErrors } from '../FieldErrors.js';
import { FlowFeelEditor } from '../FlowFeelEditor.js';
import { usePanel } from '../panel-context.js';
import { nodePath, useNodeChange } from '../useNodeChange.js';
import { NEW_LOOP, NEW_MULTI_INSTANCE, repeatOf, withRepeat, type Repeat, type RepeatableNode } from './activity-edits.js';

const REPEATS: readonly Repeat[] = ['once', 'loop', 'multiInstance'];
/** The flow schema's bound on a loop's runs. */
const MAX_RUNS = 10_000;

/** How often a service call or subflow runs: once, again while a condition holds (a loop), or several times (multi-instance). */
export function RepeatFields({ node }: { node: RepeatableNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const change = useNodeChange<RepeatableNode>(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, ...tokens);
  const repeat = repeatOf(node);
  const setLoop = (property: string, recipe: (loop: ActivityLoop) => ActivityLoop) => change(`loop.${property}`, (n) => ({ ...n, loop: compact(recipe(n.loop ?? NEW_LOOP)) }));
  const setMulti = (property: string, recipe: (multi: MultiInstance) => MultiInstance) =>
    change(`multiInstance.${property}`, (n) => ({ ...n, multiInstance: compact(recipe(n.multiInstance ?? NEW_MULTI_INSTANCE)) }));
  // Both at once is the engine's problem "loop and multi-instance": it is shown here, where it is chosen.
  const both = problemsAt(path('multiInstance')).filter((p) => p.path === path('multiInstance'));
  return (
    <fieldset className="flow-repeat">
      <legend>{t('repeat.title')}</legend>
      <SelectControl
        label={t('repeat.runs')}
        help={t(`repeat.help.${repeat}`)}
        value={repeat}
        choices={REPEATS.map((r) => ({ value: r, label: t(`repeat.kinds.${r}`) }))}
        onChange={(r) => change('repeat', (n) => withRepeat(n, r as Repeat))}
        problems={both}
      />
      {node.loop !== undefined && repeat === 'loop' && (
        <>
          <FlowFeelEditor label={t('repeat.while')} help={t('repeat.whileHelp')} value={node.loop.condition ?? ''} onChange={(condition) => setLoop('condition', (l) => ({ ...l, condition: condition.trim() === '' ? undefined : condition }))} />
          <FieldErrors problems={problemsAt(path('loop', 'condition'))} />
          <BoundedNumberControl label={t('repeat.maximum')} help={t('repeat.maximumHelp')} value={node.loop.maximum} min={1} max={MAX_RUNS} integer onChange={(maximum) => setLoop('maximum', (l) => ({ ...l, maximum }))} />
          <CheckboxControl label={t('repeat.testBefore')} help={t('repeat.testBeforeHelp')} checked={node.loop.testBefore === true} onChange={(on) => setLoop('testBefore', (l) => ({ ...l, testBefore: on ? true : undefined }))} />
        </>
      )}
      {node.multiInstance !== undefined && (
        <>
          <FlowFeelEditor label={t('repeat.count')} help={t('repeat.countHelp')} value={node.multiInstance.cardinality} onChange={(cardinality) => setMulti('cardinality', (m) => ({ ...m, cardinality }))} />
          <FieldErrors problems={problemsAt(path('multiInstance', 'cardinality'))} />
          <SelectControl
            label={t('repeat.order')}
            value={node.multiInstance.sequential === true ? 'sequential' : 'parallel'}
            choices={(['parallel', 'sequential'] as const).map((o) => ({ value: o, label: t(`repeat.orders.${o}`) }))}
            onChange={(o) => setMulti('sequential', (m) => ({ ...m, sequential: o === 'sequential' }))}
          />
          <FlowFeelEditor
            label={t('repeat.completion')}
            help={t('repeat.completionHelp')}
            value={node.multiInstance.completionCondition ?? ''}
            onChange={(condition) => setMulti('completionCondition', (m) => ({ ...m, completionCondition: condition.trim() === '' ? undefined : condition }))}
          />
          <FieldErrors problems={problemsAt(path('multiInstance', 'completionCondition'))} />
        </>
      )}
    </fieldset>
  );
}
