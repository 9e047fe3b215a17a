import type { TimerNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { CheckboxControl, SelectControl } from '../../data-model/controls/Controls.js';
import { compact } from '../document/map-edits.js';
import { DurationControl } from './DurationControl.js';
import { FieldErrors } from './FieldErrors.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';
import { FlowFeelEditor } from './FlowFeelEditor.js';

/** A wait: for a duration (in business time, if asked), or until a date a FEEL expression gives. */
export function TimerProperties({ node }: { node: TimerNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const change = useNodeChange(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, ...tokens);
  const waitsUntil = node.until !== undefined;
  return (
    <>
      <SelectControl
        label={t('timer.wait')}
        value={waitsUntil ? 'until' : 'duration'}
        choices={[{ value: 'duration', label: t('timer.forDuration') }, { value: 'until', label: t('timer.untilDate') }]}
        // Exactly one of the two: switching drops the other.
        onChange={(kind) => change('wait', (n) => compact({ id: n.id, type: 'timer', name: n.name, position: n.position, ...(kind === 'until' ? { until: '' } : { duration: 'P1D' }) }))}
        problems={problemsAt(path())}
      />
      {waitsUntil ? (
        <>
          <FlowFeelEditor label={t('timer.until')} value={node.until ?? ''} onChange={(until) => change('until', (n) => ({ ...n, until }))} />
          <FieldErrors problems={problemsAt(path('until'))} />
        </>
      ) : (
        <>
          <DurationControl label={t('timer.duration')} value={node.duration ?? ''} onChange={(duration) => change('duration', (n) => ({ ...n, duration }))} problems={problemsAt(path('duration'))} />
          <CheckboxControl label={t('approval.businessTime')} help={t('approval.businessTimeHelp')} checked={node.businessCalendar === true} onChange={(on) => change('businessCalendar', (n) => compact({ ...n, businessCalendar: on ? true : undefined }))} />
        </>
      )}
    </>
  );
}
