import { useTranslation } from 'react-i18next';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { controlId, problemsAt, type ReportProblem } from '../model/problems.js';
import { isReportKey } from '../model/keys.js';
import { problemText } from './problem-text.js';
import { useReportEditing } from './report-context.js';

/** What a control addressed by a JSON Pointer carries: its id (problems link to it) and its problems' description. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The engine's and the server's problems at a path, said in the reader's language. */
export function ProblemMessages({ id, problems }: { id?: string; problems: readonly ReportProblem[] }) {
  const { t, i18n } = useTranslation('reportDesigner');
  const { language } = useReportEditing();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-errors report-problems-here">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`}>{problemText(p, language, t, (key) => i18n.exists(key))}</li>
      ))}
    </ul>
  );
}

/** The control props for the path, and its problems to show under it. */
export function useControl(path: string, describedBy?: string): { props: ControlProps; problems: ReactNode } {
  const { problems } = useReportEditing();
  const here = problemsAt(problems, path);
  const id = controlId(path);
  const problemsId = `${id}-problems`;
  const described = [describedBy, here.length > 0 ? problemsId : undefined].filter(Boolean).join(' ');
  return {
    props: { id, ...(here.length > 0 ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) },
    problems: <ProblemMessages id={problemsId} problems={here} />,
  };
}

/** A labelled control with its help and its problems. */
export function Field({ label, path, help, className, children }: { label: string; path: string; help?: string; className?: string; children(props: ControlProps): ReactNode }) {
  const helpId = useId();
  const { props, problems } = useControl(path, help ? helpId : undefined);
  return (
    <div className={className ?? 'form-row'}>
      <label htmlFor={props.id}>{label}</label>
      {children(props)}
      {help && (
        <p id={helpId} className="help">
          {help}
        </p>
      )}
      {problems}
    </div>
  );
}

/** Problems of a path that has no control of its own (a row, a list), shown where it sits. */
export function ProblemsAt({ path }: { path: string }) {
  const { problems } = useReportEditing();
  return <ProblemMessages problems={problemsAt(problems, path)} />;
}

/**
 * A key (of a dimension, measure, parameter, calculated field or join): taken on Enter or on
 * leaving the box when it is an identifier no other has, otherwise said why and kept as typed;
 * Escape puts the key back.
 */
export function KeyInput({ label, path, value, taken, onCommit }: { label: string; path: string; value: string; taken: readonly string[]; onCommit(key: string): void }) {
  const { t } = useTranslation('reportDesigner');
  const [text, setText] = useState<string | null>(null);
  const errorId = useId();
  const { props, problems } = useControl(path);
  const shown = text ?? value;
  const error = text === null || text === value ? null : !isReportKey(text) ? t('keys.invalid') : taken.includes(text) ? t('keys.taken') : null;
  const commit = () => {
    if (text === null) return;
    if (error === null) {
      if (text !== value) onCommit(text);
      setText(null);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && text !== null) {
      event.preventDefault();
      setText(null);
    }
  };
  const describedBy = [props['aria-describedby'], error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className="form-row report-key">
      <label htmlFor={props.id}>{label}</label>
      <input
        {...props}
        {...(error ? { 'aria-invalid': true as const } : {})}
        aria-describedby={describedBy || undefined}
        value={shown}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {problems}
    </div>
  );
}

/** Move up, move down and remove for a row of a list, named after the row. */
export function RowActions({ name, index, count, onMove, onRemove, removeDisabled }: { name: string; index: number; count: number; onMove?(to: number): void; onRemove(): void; removeDisabled?: boolean }) {
  const { t } = useTranslation('reportDesigner');
  return (
    <div className="row-actions">
      {onMove && (
        <>
          <button type="button" aria-label={t('rows.moveUp', { name })} title={t('rows.moveUp', { name })} disabled={index === 0} onClick={() => onMove(index - 1)}>
            ↑
          </button>
          <button type="button" aria-label={t('rows.moveDown', { name })} title={t('rows.moveDown', { name })} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
            ↓
          </button>
        </>
      )}
      <button type="button" aria-label={t('rows.remove', { name })} title={t('rows.remove', { name })} disabled={removeDisabled} onClick={onRemove}>
        ✕
      </button>
    </div>
  );
}
