import { canWithdraw } from '@bankforge/flow-engine';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeNameById, type DesignerLanguage } from '../document/names.js';
import { CallCard } from './CallCard.js';
import { advanceBusinessDays, answerCall, answerTask, endSubflow, nextDue, pendingCalls, withdrawCase, type Simulation } from './simulation.js';
import { TaskCard } from './TaskCard.js';
import { outcomeText } from './timeline.js';

export interface RunPanelProps {
  simulation: Simulation;
  language: DesignerLanguage;
  time(iso: string): string;
  onChange(next: Simulation): void;
}

const REFUSALS = new Set(['makerChecker', 'notAssignee', 'notYourTurn', 'alreadyApproved', 'actionNotAllowed', 'invalidReturnTarget', 'withdrawNotAllowed', 'notInitiator']);

/** The running case: its clock and the control that moves it on, the engine's refusals, the open tasks and the calls it waits for. */
export function RunPanel({ simulation, language, time, onChange }: RunPanelProps) {
  const { t } = useTranslation('flowSimulation');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [days, setDays] = useState('1');
  // What the last advance did, said in the language of the moment (the analyst may switch it).
  const [advanced, setAdvanced] = useState<{ count: number; to: string } | null>(null);
  const flow = simulation.setup.flow;
  const { state } = simulation;
  const running = state.status === 'running';
  const due = nextDue(simulation);
  const calls = pendingCalls(simulation);
  const tasks = Object.entries(simulation.tasks);
  const count = Number(days);
  const daysValid = Number.isInteger(count) && count >= 1 && count <= 365;

  // The keyboard lands on the case once it starts (the start form it came from is gone).
  useEffect(() => heading.current?.focus(), []);

  const advance = (event: FormEvent) => {
    event.preventDefault();
    if (!daysValid) return;
    const next = advanceBusinessDays(simulation, count);
    onChange(next);
    setAdvanced({ count, to: next.now });
  };

  const refusal = simulation.refusal;
  const refusalText = refusal === undefined ? '' : REFUSALS.has(refusal.code) ? t(`refusal.${refusal.code}`) : t('run.refused', { message: refusal.message });

  return (
    <section className="sim-run" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('run.clock', { time: time(simulation.now) })}
      </h2>
      {running ? (
        <form className="sim-advance" onSubmit={advance} noValidate>
          <label htmlFor={`${id}-days`}>{t('run.days')}</label>
          <input id={`${id}-days`} type="number" min={1} max={365} step={1} inputMode="numeric" value={days} aria-invalid={daysValid ? undefined : true} aria-describedby={`${id}-advance-help`} onChange={(e) => setDays(e.target.value)} />
          <button type="submit" disabled={!daysValid}>
            {t('run.advance')}
          </button>
          <p id={`${id}-advance-help`} className="help">
            {t('run.advanceHelp')} {due === undefined ? t('run.noDue') : t('run.nextDue', { step: nodeNameById(flow, due.nodeId, language), time: time(due.dueAt) })}
          </p>
        </form>
      ) : (
        <p className={`notice ${state.status === 'failed' ? 'notice-error' : ''}`} role="status">
          {t(`run.ended.${state.status}`, { outcome: outcomeText(state.outcome, t), error: state.error ?? '' })}
        </p>
      )}
      <p role="status" className="sim-announce">
        {advanced === null ? '' : t('run.advanced', { count: advanced.count, time: time(advanced.to) })}
      </p>
      {refusalText !== '' && (
        <p className="notice notice-error" role="alert">
          {refusalText}
        </p>
      )}
      {running && (
        <>
          <h2>{t('tasks.title')}</h2>
          {tasks.length === 0 && <p className="help">{t('tasks.none')}</p>}
          {tasks.map(([taskId, task]) => (
            <TaskCard
              key={`${taskId}:${task.mayAct.join(',')}`}
              simulation={simulation}
              taskId={taskId}
              task={task}
              language={language}
              time={time}
              onAnswer={(answer) => {
                setAdvanced(null);
                onChange(answerTask(simulation, answer));
              }}
            />
          ))}
          {calls.length > 0 && <h2>{t('calls.title')}</h2>}
          {calls.map((call) => (
            <CallCard
              key={call.id}
              simulation={simulation}
              call={call}
              language={language}
              onAnswer={(answer) => onChange(answerCall(simulation, call.id, answer))}
              onSubflowEnded={(outcome) => onChange(endSubflow(simulation, call.id, outcome))}
            />
          ))}
          {canWithdraw(flow, state) && (
            <div className="button-row">
              <button type="button" onClick={() => onChange(withdrawCase(simulation))}>
                {t('tasks.withdraw')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
