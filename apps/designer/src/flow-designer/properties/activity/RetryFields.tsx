import type { ServiceNode } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { CheckboxControl } from '../../../data-model/controls/Controls.js';
import { BoundedNumberControl } from '../BoundedNumberControl.js';
import { DurationControl } from '../DurationControl.js';
import { usePanel } from '../panel-context.js';
import { nodePath, useNodeChange } from '../useNodeChange.js';
import { withRetry } from './activity-edits.js';

/** The flow schema's bounds on retries. */
const MAX_ATTEMPTS = 100;
const MAX_MULTIPLIER = 10;
/** The first wait offered between attempts. */
const FIRST_DELAY = 'PT5M';

/** How often a service call is tried before it fails, and how long it waits between attempts (growing, if asked). */
export function RetryFields({ node }: { node: ServiceNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const change = useNodeChange<ServiceNode>(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, 'retry', ...tokens);
  const attempts = node.retry?.maxAttempts ?? 1;
  const backoff = node.retry?.backoff;
  return (
    <fieldset className="flow-retry">
      <legend>{t('retry.title')}</legend>
      <BoundedNumberControl
        label={t('service.attempts')}
        help={t('service.attemptsHelp')}
        value={attempts}
        min={1}
        max={MAX_ATTEMPTS}
        integer
        onChange={(maxAttempts) => change('retry', (n) => withRetry(n, { ...n.retry, maxAttempts: maxAttempts ?? 1 }))}
      />
      {attempts > 1 && (
        <CheckboxControl
          label={t('retry.wait')}
          checked={backoff !== undefined}
          onChange={(on) => change('retry.backoff', (n) => withRetry(n, { maxAttempts: attempts, backoff: on ? { delay: FIRST_DELAY } : undefined }))}
        />
      )}
      {attempts > 1 && backoff !== undefined && (
        <>
          <DurationControl label={t('retry.delay')} value={backoff.delay} onChange={(delay) => change('retry.delay', (n) => withRetry(n, { maxAttempts: attempts, backoff: { ...backoff, delay } }))} problems={problemsAt(path('backoff', 'delay'))} />
          <BoundedNumberControl
            label={t('retry.multiplier')}
            help={t('retry.multiplierHelp')}
            value={backoff.multiplier}
            min={1}
            max={MAX_MULTIPLIER}
            optional
            onChange={(multiplier) => change('retry.multiplier', (n) => withRetry(n, { maxAttempts: attempts, backoff: { ...backoff, multiplier: multiplier === 1 ? undefined : multiplier } }))}
          />
        </>
      )}
    </fieldset>
  );
}
