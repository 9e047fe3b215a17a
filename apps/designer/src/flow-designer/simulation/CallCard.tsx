import type { JsonValue } from '@bankforge/flow-engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextControl } from '../../data-model/controls/Controls.js';
import { nodeNameById, type DesignerLanguage } from '../document/names.js';
import type { CallAnswer, Simulation } from './simulation.js';

export interface CallCardProps {
  simulation: Simulation;
  call: { id: string; nodeId: string; kind: 'service' | 'decision' | 'subflow' };
  language: DesignerLanguage;
  onAnswer(answer: CallAnswer): void;
  onSubflowEnded(outcome: string): void;
}

/** A service step, decision or sub-flow the case waits for: nothing was sent, so the analyst says how it went. */
export function CallCard({ simulation, call, language, onAnswer, onSubflowEnded }: CallCardProps) {
  const { t } = useTranslation('flowSimulation');
  const id = useId();
  const [output, setOutput] = useState('');
  const [outputError, setOutputError] = useState(false);
  const node = simulation.setup.flow.nodes.find((n) => n.id === call.nodeId);
  const step = nodeNameById(simulation.setup.flow, call.nodeId, language);
  const text =
    node?.type === 'service' ? t('calls.service', { step, effect: node.effect })
    : node?.type === 'subflow' ? t('calls.subflow', { step, flow: node.flowKey })
    : node?.type === 'decision' ? t('calls.decision', { step, key: node.decisionKey })
    : step;

  const succeed = () => {
    if (output.trim() === '') return onAnswer({ ok: true });
    try {
      const parsed = JSON.parse(output) as JsonValue;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      setOutputError(false);
      onAnswer({ ok: true, output: parsed });
    } catch {
      setOutputError(true);
    }
  };

  return (
    <article className="sim-task sim-call" aria-labelledby={`${id}-step`}>
      <h3 id={`${id}-step`}>{step}</h3>
      <p>{text}</p>
      {call.kind === 'subflow' ? (
        <div className="button-row">
          {(['approved', 'rejected'] as const).map((outcome) => (
            <button key={outcome} type="button" onClick={() => onSubflowEnded(outcome)}>
              {t('calls.ended', { outcome: t(`run.outcome.${outcome}`) })}
            </button>
          ))}
        </div>
      ) : (
        <>
          <TextControl
            label={t('calls.output')}
            help={t('setup.jsonHint')}
            multiline
            value={output}
            onChange={setOutput}
            problems={outputError ? [{ path: 'output', code: 'json', message: t('setup.errors.context') }] : undefined}
          />
          <div className="button-row">
            <button type="button" className="primary" onClick={succeed}>
              {t('calls.succeeded')}
            </button>
            {call.kind === 'service' && (
              <button type="button" onClick={() => onAnswer({ ok: false, error: t('calls.simulatedFailure') })}>
                {t('calls.failed')}
              </button>
            )}
          </div>
        </>
      )}
    </article>
  );
}
