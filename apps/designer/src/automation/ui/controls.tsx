import { useId, useMemo, type ReactNode } from 'react';
import { FeelEditor } from '../../form-designer/feel-editor/FeelEditor.js';
import { problemMessage } from '../../shell/api/problems.js';
import { problemsAt } from '../model/problem-paths.js';
import { useAutomationEditing } from './editing-context.js';

/** The server's problems for one control, beside it. */
export function ControlProblems({ id, control, skip }: { id: string; control: string; skip?: string }) {
  const { problems, language } = useAutomationEditing();
  const mine = problemsAt(problems, control).filter((p) => p.code !== skip);
  if (mine.length === 0) return null;
  return (
    <ul id={id} className="field-error automation-problems">
      {mine.map((p, i) => (
        <li key={`${p.code}-${i}`}>{problemMessage(p, language)}</li>
      ))}
    </ul>
  );
}

/** Ids and state tying a control to its help and its problems. */
function useControl(control: string, help: ReactNode | undefined, local?: string) {
  const { problems } = useAutomationEditing();
  const id = useId();
  const invalid = local !== undefined || problemsAt(problems, control).length > 0;
  const describedBy = [help ? `${id}-help` : null, invalid ? `${id}-problems` : null, local ? `${id}-local` : null].filter(Boolean).join(' ') || undefined;
  const below = (
    <>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {local && (
        <p id={`${id}-local`} className="field-error">
          {local}
        </p>
      )}
      <ControlProblems id={`${id}-problems`} control={control} />
    </>
  );
  return { id, invalid, describedBy, below };
}

export interface TextControlProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The control's address for the server's problems (`trigger.event`, `actions.2.path`). */
  control: string;
  help?: ReactNode;
  /** The designer's own complaint (a malformed duration), shown beside the server's. */
  error?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
}

export function TextControl({ label, value, onChange, control, help, error, multiline, type = 'text' }: TextControlProps) {
  const c = useControl(control, help, error);
  const common = { id: c.id, value, 'aria-invalid': c.invalid || undefined, 'aria-describedby': c.describedBy, spellCheck: false };
  return (
    <div className="form-row">
      <label htmlFor={c.id}>{label}</label>
      {multiline ? <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      {c.below}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectControl({ label, value, onChange, control, choices, placeholder, help }: { label: string; value: string; onChange(value: string): void; control: string; choices: readonly Choice[]; placeholder?: string; help?: ReactNode }) {
  const c = useControl(control, help);
  // A value no longer offered (an entity since unpublished) stays visible rather than silently replaced.
  const listed = value === '' || choices.some((o) => o.value === value);
  return (
    <div className="form-row">
      <label htmlFor={c.id}>{label}</label>
      <select id={c.id} value={value} aria-invalid={c.invalid || undefined} aria-describedby={c.describedBy} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {!listed && <option value={value}>{value}</option>}
        {choices.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {c.below}
    </div>
  );
}

/** A set of checkboxes over a fixed list (trigger events). */
export function CheckboxGroup<T extends string>({ legend, all, selected, onChange, control, labelOf }: { legend: string; all: readonly T[]; selected: readonly T[]; onChange(next: T[]): void; control: string; labelOf(item: T): string }) {
  const id = useId();
  return (
    <fieldset className="automation-checkboxes" aria-describedby={`${id}-problems`}>
      <legend>{legend}</legend>
      {all.map((item) => (
        <label key={item} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(item)}
            onChange={(e) => onChange(all.filter((x) => (x === item ? e.target.checked : selected.includes(x))))}
          />{' '}
          {labelOf(item)}
        </label>
      ))}
      <ControlProblems id={`${id}-problems`} control={control} />
    </fieldset>
  );
}

/** The shared FEEL editor with the names this place reads, and the server's problems beside it. */
export function FeelControl({ label, value, onChange, control, names, help }: { label: string; value: string; onChange(value: string): void; control: string; names: readonly string[]; help?: ReactNode }) {
  const { problems } = useAutomationEditing();
  const id = useId();
  const known = useMemo(() => new Set(names), [names]);
  const invalid = problemsAt(problems, control).length > 0;
  return (
    <div className="form-row automation-feel">
      <FeelEditor label={label} value={value} onChange={onChange} names={known} nameKind="variable" describedBy={help ? `${id}-help` : undefined} invalid={invalid} />
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {/* The editor itself says where its FEEL does not parse. */}
      <ControlProblems id={`${id}-problems`} control={control} skip="invalidFeel" />
    </div>
  );
}
