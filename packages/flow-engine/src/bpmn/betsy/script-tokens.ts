/**
 * The betsy script tokens (see the suite's README): the models hold no executable script, each
 * script task's text is a token the runner maps to behaviour and trace entries.
 */
import type { JsonValue } from '../../engine/state/flow-state.js';

export interface ScriptLog {
  trace: string[];
  marker: boolean;
  /** CREATE_TIMESTAMP_LOG_n: [start, end] in virtual milliseconds. */
  stamps: Record<string, [number, number]>;
}

export interface ScriptOutcome {
  /** Virtual time the script is busy before it answers. */
  busyMs: number;
  /** Variables it sets. */
  vars: Record<string, JsonValue>;
  /** Set when the script throws a BPMN error. */
  error?: string;
  /** Called when the script ends (after `busyMs`). */
  finish?: (now: number) => void;
}

const TEN_SECONDS = 10_000;

export function runScript(token: string, vars: Readonly<Record<string, JsonValue>>, log: ScriptLog, now: number): ScriptOutcome {
  const done: ScriptOutcome = { busyMs: 0, vars: {} };
  const increment = (): number => {
    const v = vars.integerVariable;
    return (typeof v === 'number' ? v : 0) + 1;
  };
  switch (token) {
    case 'CREATE_LOG_FILE':
      return done;
    case 'INCREMENT_INTEGER_VARIABLE':
      return { ...done, vars: { integerVariable: increment() } };
    case 'INCREMENT_INTEGER_VARIABLE_AND_LOG':
      log.trace.push('INCREMENT_correct');
      return { ...done, vars: { integerVariable: increment() } };
    case 'CREATE_MARKER_FILE':
      log.marker = true;
      return done;
    case 'SET_STRING_DATA':
      return { ...done, vars: { data: 'String' } };
    case 'LOG_DATA':
      if (vars.data === 'String') log.trace.push('DATA_correct');
      return done;
    case 'CREATE_TIMESTAMP_LOG_1':
    case 'CREATE_TIMESTAMP_LOG_2': {
      const key = token.slice(-1);
      return { ...done, busyMs: TEN_SECONDS, finish: (end) => void (log.stamps[key] = [now, end]) };
    }
    case 'WAIT_TEN_SECONDS':
      return { ...done, busyMs: TEN_SECONDS };
    case 'THROW_ERROR':
      return { ...done, error: 'ERR_CODE' };
    default:
      if (/^SCRIPT_task\d+$/.test(token)) log.trace.push(token);
      else throw new Error(`unknown betsy script token ${JSON.stringify(token)}`);
      return done;
  }
}

/** The trace with the tokens added at the end: the marker and parallel execution. */
export function finalTrace(log: ScriptLog): string[] {
  const trace = [...log.trace];
  const a = log.stamps['1'];
  const b = log.stamps['2'];
  if (a !== undefined && b !== undefined && a[0] < b[1] && b[0] < a[1]) trace.push('EXECUTION_parallel');
  if (log.marker) trace.push('MARKER_exists');
  return trace;
}
