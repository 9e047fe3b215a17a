import { DEFAULT_CALENDAR_TIME_ZONE, type FlowDefinition } from '@bankforge/flow-engine';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignerLanguage } from '../document/names.js';
import { RunPanel } from './RunPanel.js';
import { formatInstant, instantToZoned } from './sim-time.js';
import { NO_PATH, SimulationCanvas } from './SimulationCanvas.js';
import { simulationPath, startSimulation, type Simulation } from './simulation.js';
import './simulation.css';
import { EMPTY_DRAFT, prepareStart, type StartDraft } from './start-draft.js';
import { StartForm } from './StartForm.js';
import { timelineEntries } from './timeline.js';
import { useSimulationSources } from './useSimulationSources.js';
import type { VariableError } from './variable-inputs.js';

export interface SimulationViewProps {
  flow: FlowDefinition;
  language: DesignerLanguage;
  /** Problems the live check finds in the draft (a simulation may stop at one). */
  problemCount: number;
}

/**
 * Simulate (the flow designer's third tab): the draft run as a case in the browser, its path on
 * the canvas and its history beside it. Nothing is written to the server; leaving the tab leaves
 * the simulation, and the Design tab edits the draft again.
 */
export default function SimulationView({ flow, language, problemCount }: SimulationViewProps) {
  const { t } = useTranslation('flowSimulation');
  const sources = useSimulationSources(flow);
  const [draft, setDraft] = useState<StartDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, VariableError | 'startsAt'>>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [simulation, setSimulation] = useState<Simulation | null>(null);
  const startButtonArea = useRef<HTMLDivElement>(null);

  const calendar = sources?.calendar.status === 'found' ? sources.calendar.calendar : undefined;
  // Times are the bank's: the calendar's zone (the browser's when no calendar is published).
  const zone = calendar !== undefined ? (calendar.timeZone ?? DEFAULT_CALENDAR_TIME_ZONE) : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const time = useMemo(() => (iso: string) => formatInstant(iso, language, zone), [language, zone]);
  const path = useMemo(() => (simulation === null ? NO_PATH : simulationPath(simulation)), [simulation]);
  const timeline = useMemo(() => (simulation === null ? [] : timelineEntries(simulation.events, { flow: simulation.setup.flow, language, t, time })), [simulation, language, t, time]);

  const start = () => {
    if (sources === undefined) return;
    // The one clock read of a simulation: "now" when the analyst gave no start time.
    const prepared = prepareStart(flow, sources, draft, new Date().toISOString(), zone);
    setErrors(prepared.errors ?? {});
    if (prepared.setup === undefined) return;
    const result = startSimulation(prepared.setup, prepared.variables, prepared.at);
    setRefusal(result.refusal?.message);
    if (result.simulation !== undefined) setSimulation(result.simulation);
  };

  const reset = () => {
    setSimulation(null);
    setRefusal(undefined);
    // The start form keeps what was entered: the next run changes one value, not all of them.
    requestAnimationFrame(() => startButtonArea.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus());
  };

  return (
    <div className="sim-view">
      <p className="help sim-intro">{t('intro')}</p>
      {problemCount > 0 && <p className="notice notice-warning">{t('draftProblems', { count: problemCount })}</p>}
      <SimulationCanvas flow={simulation?.setup.flow ?? flow} language={language} path={path} />
      <div className="sim-workspace">
        <div className="sim-panel" ref={startButtonArea}>
          {sources === undefined ? (
            <p className="loading">{t('loading')}</p>
          ) : simulation === null ? (
            <StartForm
              flow={flow}
              language={language}
              sources={sources}
              zone={zone}
              draft={draft.startsAt === '' ? { ...draft, startsAt: instantToZoned(new Date().toISOString(), zone) } : draft}
              onDraft={(update) => setDraft((d) => update(d.startsAt === '' ? { ...d, startsAt: instantToZoned(new Date().toISOString(), zone) } : d))}
              errors={errors}
              refusal={refusal}
              onStart={start}
            />
          ) : (
            <>
              <div className="button-row sim-panel__top">
                <button type="button" onClick={reset}>
                  {t('run.reset')}
                </button>
              </div>
              <RunPanel simulation={simulation} language={language} time={time} onChange={setSimulation} />
            </>
          )}
        </div>
        <section className="sim-timeline" aria-labelledby="sim-timeline-title">
          <h2 id="sim-timeline-title">{t('timeline.title')}</h2>
          {timeline.length === 0 ? (
            <p className="help">{t('timeline.empty')}</p>
          ) : (
            <ol>
              {timeline.map((entry) => (
                <li key={entry.seq} className={`sim-timeline__entry sim-timeline__entry--${entry.kind}`}>
                  <time dateTime={entry.at}>{time(entry.at)}</time> <span>{entry.text}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
