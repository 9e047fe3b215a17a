import { createContext, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFeel } from './feel-check.js';
import type { FeelEditorHandle } from './monaco-feel.js';
import './feel-editor.css';

/**
 * `rich`: Monaco replaces the plain text box once its chunk has loaded. `plain`: the text box
 * only (tests in jsdom, where Monaco cannot lay out).
 */
export type FeelEditorMode = 'rich' | 'plain';
export const FeelEditorModeContext = createContext<FeelEditorMode>('rich');

/** What the names an expression reads are to its host. */
export type FeelNameKind = 'field' | 'variable';
const UNKNOWN_NAME_KEYS = { field: 'feel.unknownName', variable: 'feel.unknownVariable' } as const;
/** How many of Monaco's own reports are remembered while the host catches up (typing is not that far ahead). */
const MAX_REPORTED = 64;

export interface FeelEditorProps {
  /** The accessible name, e.g. "Visible when". */
  label: string;
  value: string;
  onChange(value: string): void;
  /** The names the expression may read (the entity's field keys, a flow's variables). */
  names: ReadonlySet<string>;
  /**
   * What the host calls its names, for the warning on an unknown one: an entity's `field`s (the
   * default: forms) or a flow's `variable`s.
   */
  nameKind?: FeelNameKind;
  /** Those of `names` with spaces or other characters (`Applicant Age`), which the syntax check must be told about. */
  multiWordNames?: readonly string[];
  /** The warning for a name not in `names`, when `nameKind`'s sentence does not fit (a decision's inputs). */
  unknownNameText?(name: string): string;
  /** Ids of further text describing the expression (a help line). */
  describedBy?: string;
  /** Invalid for a reason the syntax check cannot see (a required expression left empty). */
  invalid?: boolean;
}

/** A FEEL rule expression: Monaco with FEEL highlighting and inline markers, a plain text box until it loads. */
export function FeelEditor({ label, value, onChange, names, nameKind = 'field', multiWordNames, unknownNameText, describedBy, invalid }: FeelEditorProps) {
  const { t } = useTranslation('formDesigner');
  const mode = useContext(FeelEditorModeContext);
  const labelId = useId();
  const problemsId = useId();
  const host = useRef<HTMLDivElement>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const handle = useRef<FeelEditorHandle | null>(null);
  const [rich, setRich] = useState(false);
  const caretOnMount = useRef<number | 'end' | undefined>(undefined);
  // What Monaco itself reported, oldest first, not yet seen back as `value`: the host's answer to an
  // earlier keystroke can arrive after the next one is typed, and must not be written over it.
  const reported = useRef<string[]>([]);
  // Monaco's callbacks and its lazy mount read the latest props: updated after each commit, not during render.
  const latest = useRef({ value, onChange, names });
  useLayoutEffect(() => {
    latest.current = { value, onChange, names };
  });

  const problems = useMemo(
    () =>
      checkFeel(value, names, { names: multiWordNames }).map((p) => ({
        ...p,
        text:
          p.kind === 'syntax' ? t('feel.syntaxError', { message: p.message, line: p.at.line, column: p.at.column })
          : unknownNameText ? unknownNameText(p.name ?? '')
          : t(UNKNOWN_NAME_KEYS[nameKind], { name: p.name }),
      })),
    [value, names, nameKind, multiWordNames, unknownNameText, t],
  );

  useEffect(() => {
    if (mode !== 'rich') return;
    let live = true;
    import('./monaco-feel.js').then(
      ({ mountFeelEditor }) => {
        if (!live || !host.current) return;
        // Typing goes on across the swap: the caret moves from the text box to the same place in Monaco.
        const typing = plain.current !== null && document.activeElement === plain.current;
        const caret = plain.current?.selectionStart ?? latest.current.value.length;
        // A caret at the end stays at the end of what is typed until Monaco shows.
        caretOnMount.current = !typing ? undefined : caret >= latest.current.value.length ? 'end' : caret;
        handle.current = mountFeelEditor(host.current, {
          value: latest.current.value,
          ariaLabel: label,
          onChange: (v) => {
            reported.current = [...reported.current.slice(-(MAX_REPORTED - 1)), v];
            latest.current.onChange(v);
          },
          // Ctrl+Space offers the names the expression may read (not every name the grammar is told of).
          names: () => [...latest.current.names].sort(),
        });
        setRich(true);
      },
      // Monaco's chunk did not load (offline, a new deployment): the plain text box stays and works.
      () => undefined,
    );
    return () => {
      live = false;
      handle.current?.dispose();
      handle.current = null;
      setRich(false);
    };
  }, [mode, label]);

  // Focus only once Monaco is shown: focusing it while still hidden would fail, the text box would
  // unmount with the focus, and the keys typed next would be lost.
  useEffect(() => {
    if (!rich || caretOnMount.current === undefined) return;
    handle.current?.focus(caretOnMount.current === 'end' ? latest.current.value.length : caretOnMount.current);
    caretOnMount.current = undefined;
  }, [rich]);
  useEffect(() => {
    // An echo of what was typed (perhaps already typed past) leaves the editor as it is; any other
    // value (undo, a reset, another control) is the host's and replaces the text.
    const echo = reported.current.indexOf(value);
    if (echo >= 0) {
      reported.current = reported.current.slice(echo + 1);
      return;
    }
    reported.current = [];
    handle.current?.setValue(value);
  }, [value, rich]);
  useEffect(() => handle.current?.setMarkers(problems), [problems, rich]);

  const hasError = problems.some((p) => p.severity === 'error');
  return (
    // `nokey`: a React Flow canvas on the page (the flow designer's, the decision diagram) takes Space
    // and Delete for itself unless the target is an input; Monaco's input is not one it recognises.
    <div className="feel-editor nokey">
      {/* Like a <label>: a click on it puts the caret in the editor. */}
      <span className="feel-editor__label" id={labelId} onClick={() => (handle.current ? handle.current.focus() : plain.current?.focus())}>
        {label}
      </span>
      {!rich && (
        <textarea
          ref={plain}
          className="feel-editor__plain"
          aria-labelledby={labelId}
          aria-describedby={[describedBy, problems.length > 0 ? problemsId : undefined].filter(Boolean).join(' ') || undefined}
          aria-invalid={hasError || invalid || undefined}
          rows={1}
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <div ref={host} className="feel-editor__monaco" hidden={!rich} />
      {problems.length > 0 && (
        <ul id={problemsId} className="feel-editor__problems">
          {/* A name read twice is underlined twice but said once. */}
          {problems
            .filter((p, i) => problems.findIndex((q) => q.text === p.text) === i)
            .map((p, i) => (
              <li key={i} className={`feel-editor__problem feel-editor__problem--${p.severity}`}>
                {p.text}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
