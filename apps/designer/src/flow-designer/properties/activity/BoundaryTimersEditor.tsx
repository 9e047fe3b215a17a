import type { BoundaryTimer } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { SelectControl } from '../../../data-model/controls/Controls.js';
import { LocalizedTextFields } from '../../../form-designer/properties/LocalizedTextFields.js';
import { nodeNameById } from '../../document/names.js';
import { DurationControl } from '../DurationControl.js';
import { usePanel } from '../panel-context.js';
import { nodePath, useNodeChange } from '../useNodeChange.js';
import { addBoundaryTimer, canAddTimer, removeBoundaryTimer, timerPaths, updateBoundaryTimer, type TimedNode } from './activity-edits.js';

/**
 * Timers on the step's border (BPMN boundary timers): after a time the case takes another of the
 * step's paths, stopping the step or leaving it open. An approval's own time limit (remind,
 * escalate, decide) is set above; these are for a different path.
 */
export function BoundaryTimersEditor({ node }: { node: TimedNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, language, problemsAt } = usePanel();
  const change = useNodeChange<TimedNode>(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, 'boundaryTimers', ...tokens);
  const timers = node.boundaryTimers ?? [];
  const paths = timerPaths(flow, node);
  const set = (index: number, timer: BoundaryTimer) => change('boundaryTimers', (n) => updateBoundaryTimer(n, index, timer));
  const addable = canAddTimer(flow, node);
  return (
    <fieldset className="flow-rules flow-timers">
      <legend>{t('timers.title')}</legend>
      <p className="help">{t(`timers.help.${node.type}`)}</p>
      {timers.length === 0 && <p className="help">{t('timers.none')}</p>}
      <ol>
        {timers.map((timer, index) => {
          const number = index + 1;
          const known = paths.some((e) => e.id === timer.edge);
          return (
            <li key={timer.id} className="flow-rule">
              <DurationControl label={t('timers.after', { number })} value={timer.duration} onChange={(duration) => set(index, { ...timer, duration })} problems={problemsAt(path(index, 'duration'))} />
              <SelectControl
                label={t('timers.then', { number })}
                value={timer.interrupting ? 'stop' : 'keep'}
                choices={[
                  { value: 'stop', label: t('timers.stop') },
                  { value: 'keep', label: t('timers.keep') },
                ]}
                onChange={(v) => set(index, { ...timer, interrupting: v === 'stop' })}
              />
              <SelectControl
                label={t('timers.path', { number })}
                value={timer.edge}
                choices={[
                  ...paths.map((e) => ({ value: e.id, label: t('timers.pathTo', { name: nodeNameById(flow, e.target, language) }) })),
                  ...(known ? [] : [{ value: timer.edge, label: t('timers.unknownPath', { id: timer.edge }) }]),
                ]}
                onChange={(edge) => set(index, { ...timer, edge })}
                problems={problemsAt(path(index, 'edge'))}
              />
              <LocalizedTextFields name={t('timers.name', { number })} value={timer.name} optional onChange={(name) => set(index, { ...timer, name })} />
              <button type="button" onClick={() => change('boundaryTimers', (n) => removeBoundaryTimer(n, index))}>{t('timers.remove', { number })}</button>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={!addable} onClick={() => change('boundaryTimers', (n) => addBoundaryTimer(flow, n) ?? n)}>{t('timers.add')}</button>
      {!addable && <p className="help">{t('timers.needPath')}</p>}
    </fieldset>
  );
}
