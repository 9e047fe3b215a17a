import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldError } from '@bankforge/data-model';
import type { FormValues } from '../../form/form-model-api.js';
import type { FormModel } from '../../form/form-model.js';
import { pointer as pointerOf, pointerTokens } from '@bankforge/data-model';
import { repeatingGroups } from '../../form/layout-groups.js';
import { placedKeys, tabsShowing } from '../layout/layout-walk.js';
import { NodeList } from '../layout/NodeView.js';
import { RENDERER_MESSAGES, type RendererLocale } from '../locale/messages.js';
import { useFormState } from '../state/use-form-state.js';
import type { InputProblem, LoadOptions } from '../widgets/widget-props.js';
import { distinctErrors, isAtOrUnder, pathAfterRowRemoved, pointersAfterRowRemoved } from './error-paths.js';
import { RendererContext, type RendererActions, type RendererContextValue } from './renderer-context.js';

export interface FormRendererProps {
  model: FormModel;
  locale: RendererLocale;
  /** Errors from elsewhere (the server's 422 answer), shown on their fields until those fields change. */
  externalErrors?: readonly FieldError[];
  /** Show every current error, touched or not (e.g. when reopening a record that failed to save). */
  showAllErrors?: boolean;
  /** Fetches lookup options; lookups offer nothing without it. */
  loadOptions?: LoadOptions;
  /** Called with the values to send once the form is submitted and valid. Without it the form never submits. */
  onSubmit?: (values: FormValues) => void;
  disabled?: boolean;
  /**
   * The record is shown, not edited (the reader may not change it): every field is read-only, rows
   * are neither added nor removed, and the form never submits nor draws its actions. The form
   * carries the class `bf-form-readonly`, so the host's stylesheet can draw the fields as text.
   */
  readOnly?: boolean;
  /** The default submit button's text ("Submit" / "提交"). */
  submitLabel?: string;
  /** Replaces the default submit button (e.g. Save and Cancel buttons); rendered at the form's end. */
  actions?: ReactNode;
  /** The form element's id, so buttons elsewhere on the page can submit it (`<button form={id}>`). */
  id?: string;
  /**
   * What the host draws beside a field of the form itself (not a repeating group's cells), under its
   * control: e.g. a Reveal button by a masked value. `undefined` for fields that get nothing.
   */
  fieldExtra?: (fieldKey: string) => ReactNode;
}

interface ExternalErrors {
  source: readonly FieldError[] | undefined;
  errors: readonly FieldError[];
}

const NO_PROBLEMS: Readonly<Record<string, InputProblem>> = {};

/**
 * Draws a form model: its layout, fields with labels, help and inline errors, in English or
 * Simplified Chinese. Errors show once a field was touched (changed or left), for every field
 * after a submit attempt or with `showAllErrors`; errors for no field (path `''`) or for fields
 * not on screen are listed at the top.
 */
export function FormRenderer(props: FormRendererProps) {
  const { model, locale } = props;
  const state = useFormState(model);
  const compiled = model.compiled;
  const messages = RENDERER_MESSAGES[locale];
  const idPrefix = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const [forModel, setForModel] = useState(model);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState(NO_PROBLEMS);
  const [submitted, setSubmitted] = useState(false);
  const [tabs, setTabs] = useState<Readonly<Record<string, number>>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const [external, setExternal] = useState<ExternalErrors>({
    source: props.externalErrors,
    errors: props.externalErrors ?? [],
  });

  // Another record (a new model) starts untouched.
  if (forModel !== model) {
    setForModel(model);
    setTouched(new Set());
    setProblems(NO_PROBLEMS);
    setSubmitted(false);
  }
  // A new server answer replaces the previous one.
  if (external.source !== props.externalErrors) {
    setExternal({ source: props.externalErrors, errors: props.externalErrors ?? [] });
  }

  const shownErrors = useMemo(() => {
    const all = props.showAllErrors || submitted;
    const shown = state.errors.filter((error) => {
      if (all) return true;
      // A form-wide message waits until the user has started on the form.
      if (error.path === '') return touched.size > 0;
      return [...touched].some((t) => isAtOrUnder(error.path, t));
    });
    return distinctErrors([...shown, ...external.errors]);
  }, [state.errors, external.errors, touched, submitted, props.showAllErrors]);

  const groups = useMemo(() => repeatingGroups(compiled.form.layout), [compiled]);
  const formErrors = shownErrors.filter((error) => {
    if (error.path === '') return true;
    // An error belongs to the first field or group on screen that its path lies in.
    const tokens = pointerTokens(error.path);
    for (let length = 1; length <= tokens.length; length++) {
      const prefix = pointerOf(...tokens.slice(0, length));
      if (state.fields[prefix]?.visible) return false;
      if (groups.some((group) => pointerOf(group.key) === prefix && state.nodes[group.id] !== false)) return false;
    }
    return true;
  });

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? summaryRef.current)?.focus();
  }, [focusRequest]);

  // The latest touched set, for actions that must stay the same object while the model does.
  const touchedNow = useRef(touched);
  useEffect(() => {
    touchedNow.current = touched;
  }, [touched]);

  const actions = useMemo<RendererActions>(() => {
    const markTouched = (pointer: string) =>
      setTouched((current) => (current.has(pointer) ? current : new Set(current).add(pointer)));
    return {
      idFor: (pointer, part) => `${idPrefix}${pointer.replace(/[^A-Za-z0-9_]/g, '-')}${part ? `-${part}` : ''}`,
      showTab: (tabsId, index) => setTabs((current) => ({ ...current, [tabsId]: index })),
      change: (pointer, value) => {
        model.setValue(pointer, value);
        markTouched(pointer);
        setExternal((current) => ({
          ...current,
          errors: current.errors.filter((error) => !isAtOrUnder(error.path, pointer)),
        }));
      },
      touch: (pointer) => {
        // The model checks a field when it changes; one left empty is checked here, so "Required" shows on leaving it.
        if (!touchedNow.current.has(pointer)) model.validate();
        markTouched(pointer);
      },
      reportProblem: (pointer, problem) =>
        setProblems((current) => {
          if (problem) return { ...current, [pointer]: problem };
          if (!(pointer in current)) return current;
          const { [pointer]: _solved, ...rest } = current;
          return rest;
        }),
      addRow: (groupKey) => {
        model.addRow(groupKey);
        setTouched((current) => new Set(current).add(pointerOf(groupKey)));
      },
      removeRow: (groupKey, index) => {
        model.removeRow(groupKey, index);
        // Rows below the removed one move up: their touched marks, typing problems and server errors move with them.
        setTouched((current) => pointersAfterRowRemoved(current, groupKey, index).add(pointerOf(groupKey)));
        setProblems((current) => {
          const moved: Record<string, InputProblem> = {};
          for (const [path, problem] of Object.entries(current)) {
            const to = pathAfterRowRemoved(path, groupKey, index);
            if (to !== null) moved[to] = problem;
          }
          return moved;
        });
        setExternal((current) => ({
          ...current,
          errors: current.errors.flatMap((error) => {
            const to = pathAfterRowRemoved(error.path, groupKey, index);
            return to === null ? [] : [{ ...error, path: to }];
          }),
        }));
      },
    };
  }, [model, idPrefix]);

  const context: RendererContextValue = {
    compiled,
    state,
    locale,
    messages,
    disabled: props.disabled ?? false,
    readOnly: props.readOnly ?? false,
    loadOptions: props.loadOptions,
    today: model.today,
    fieldExtra: props.fieldExtra,
    shownErrors,
    problems,
    activeTab: (tabsId) => tabs[tabsId] ?? 0,
    actions,
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The host decides what submitting means; the browser never posts the form itself.
    event.preventDefault();
    if (!props.onSubmit || props.disabled || props.readOnly) return;
    const errors = model.validate();
    const problemPaths = Object.keys(problems);
    setSubmitted(true);
    if (errors.length === 0 && problemPaths.length === 0) {
      props.onSubmit(model.submission());
      return;
    }
    // Bring the first field in error into view (switching tabs if need be) and focus it.
    const failing = [...errors.map((error) => error.path), ...problemPaths];
    const first = placedKeys(compiled.form.layout).find((key) =>
      failing.some((path) => isAtOrUnder(path, pointerOf(key))),
    );
    const trail = first === undefined ? null : tabsShowing(compiled.form.layout, first);
    if (trail && trail.length > 0) {
      setTabs((current) => ({ ...current, ...Object.fromEntries(trail.map((tab) => [tab.tabsId, tab.index])) }));
    }
    setFocusRequest((n) => n + 1);
  };

  return (
    <RendererContext.Provider value={context}>
      <form
        ref={formRef}
        id={props.id}
        className={props.readOnly ? 'bf-form bf-form-readonly' : 'bf-form'}
        lang={locale}
        noValidate
        aria-label={compiled.form.label[locale]}
        aria-disabled={props.disabled || undefined}
        onSubmit={onSubmit}
      >
        {formErrors.length > 0 && (
          <div ref={summaryRef} className="bf-form-errors" role="alert" tabIndex={-1}>
            <p>{messages.errorSummary}</p>
            <ul>
              {formErrors.map((error) => (
                <li key={`${error.path}\n${error.message}`}>{locale === 'zh-CN' ? error.messageZh : error.message}</li>
              ))}
            </ul>
          </div>
        )}
        <NodeList nodes={compiled.form.layout} entity={compiled.entity} />
        {props.onSubmit && !props.readOnly && (
          <div className="bf-actions">
            {props.actions ?? (
              <button type="submit" className="bf-button bf-submit" disabled={props.disabled}>
                {props.submitLabel ?? messages.submit}
              </button>
            )}
          </div>
        )}
      </form>
    </RendererContext.Provider>
  );
}
