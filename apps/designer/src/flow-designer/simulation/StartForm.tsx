import type { FlowDefinition, FlowVariable } from '@bankforge/flow-engine';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberControl, SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import { localized } from '../../form-designer/workspace/localized.js';
import { nodeNameById, type DesignerLanguage } from '../document/names.js';
import { RecordPicker } from './RecordPicker.js';
import { decisionRef } from './simulated-decisions.js';
import type { StartDraft } from './start-draft.js';
import type { SimulationSources } from './useSimulationSources.js';
import { variablesSetBySteps, variableText, type VariableError } from './variable-inputs.js';

export interface StartFormProps {
  flow: FlowDefinition;
  language: DesignerLanguage;
  sources: SimulationSources;
  /** The bank's time zone (the calendar's). */
  zone: string;
  draft: StartDraft;
  onDraft(update: (draft: StartDraft) => StartDraft): void;
  errors: Readonly<Record<string, VariableError | 'startsAt'>>;
  /** Why the engine refused the last start. */
  refusal?: string;
  onStart(): void;
}

/** The case's values (typed by the flow's variables, or read from a record), when it starts, who stands in, and the decisions' answers. */
export function StartForm({ flow, language, sources, zone, draft, onDraft, errors, refusal, onStart }: StartFormProps) {
  const { t } = useTranslation('flowSimulation');
  const id = useId();
  const setBy = variablesSetBySteps(flow);
  const errorCount = Object.keys(errors).length;
  const problem = (name: string, error: string | undefined) => (error === undefined ? undefined : [{ path: name, code: error, message: t(`setup.errors.${error}`) }]);
  const setEntry = (name: string, text: string) => onDraft((d) => ({ ...d, entries: { ...d.entries, [name]: text } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart();
  };

  const input = (variable: FlowVariable) => {
    const label = localized(variable.label, language) || variable.name;
    const step = setBy.get(variable.name);
    const help = [variable.name, variable.required === true ? t('setup.required') : '', step !== undefined ? t('setup.setBy', { step: nodeNameById(flow, step, language) }) : '']
      .filter(Boolean)
      .join(' · ');
    const value = draft.entries[variable.name] ?? '';
    const error = errors[variable.name];
    const common = { label, help, value, onChange: (text: string) => setEntry(variable.name, text), problems: problem(variable.name, error) };
    const placeholder = variable.default === undefined ? undefined : variableText(variable.default);
    switch (variable.type) {
      case 'boolean':
        return (
          <SelectControl
            key={variable.name}
            {...common}
            choices={[
              { value: '', label: placeholder === undefined ? t('setup.notGiven') : `${t('setup.notGiven')} ${placeholder}` },
              { value: 'true', label: t('setup.true') },
              { value: 'false', label: t('setup.false') },
            ]}
          />
        );
      case 'date':
        return <TextControl key={variable.name} {...common} type="date" />;
      case 'dateTime':
        return <TextControl key={variable.name} {...common} type="datetime-local" />;
      case 'list':
      case 'context':
        return <TextControl key={variable.name} {...common} multiline help={`${help} · ${t('setup.jsonHint')}`} />;
      case 'number':
      case 'money':
        return <TextControl key={variable.name} {...common} inputMode="decimal" placeholder={placeholder} />;
      case 'string':
        return <TextControl key={variable.name} {...common} placeholder={placeholder} />;
    }
  };

  const calendar = sources.calendar;
  return (
    <form className="sim-start" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('setup.title')}</h2>
      {flow.entity !== undefined && Object.keys(flow.record?.variables ?? {}).length > 0 && (
        <RecordPicker flow={flow} entity={flow.entity} onFill={(entries) => onDraft((d) => ({ ...d, entries: { ...d.entries, ...entries } }))} />
      )}
      <fieldset>
        <legend>{t('setup.variables')}</legend>
        {flow.variables.length === 0 ? <p className="help">{t('setup.noVariables')}</p> : flow.variables.map(input)}
      </fieldset>
      {sources.decisions.length > 0 && (
        <fieldset>
          <legend>{t('setup.decisions.title')}</legend>
          {sources.decisions.map(({ node, source }) => {
            const step = nodeNameById(flow, node.id, language);
            const ref = decisionRef(node.decisionKey, node.decisionVersion);
            if (source.kind === 'published') return <p key={ref} className="help">{t('setup.decisions.published', { step, key: node.decisionKey, version: source.version })}</p>;
            return (
              <div key={ref} className="notice notice-warning">
                <p>{t(`setup.decisions.${source.reason}`, { step, key: node.decisionKey })}</p>
                {Object.entries(node.outputs).map(([variable, path]) => (
                  <TextControl
                    key={path}
                    label={t('setup.decisions.output', { path, variable })}
                    value={draft.byHand[ref]?.[path] ?? ''}
                    onChange={(text) => onDraft((d) => ({ ...d, byHand: { ...d.byHand, [ref]: { ...d.byHand[ref], [path]: text } } }))}
                  />
                ))}
              </div>
            );
          })}
        </fieldset>
      )}
      <div className="sim-start__when">
        <TextControl
          label={t('setup.startsAt', { zone })}
          type="datetime-local"
          value={draft.startsAt}
          onChange={(startsAt) => onDraft((d) => ({ ...d, startsAt }))}
          problems={problem('startsAt', errors.startsAt === undefined ? undefined : 'dateTime')}
        />
        <NumberControl label={t('setup.holders')} help={t('setup.holdersHelp')} min={1} value={draft.holders} onChange={(holders) => onDraft((d) => ({ ...d, holders: Math.min(10, Math.max(1, holders ?? 1)) }))} />
        <p className="help">
          {calendar.status === 'found'
            ? t('setup.calendar', { name: localized(calendar.calendar.name, language) || calendar.key, version: calendar.version })
            : calendar.status === 'none'
              ? t('setup.noCalendar')
              : t('setup.calendarUnreadable', { message: calendar.message })}
        </p>
      </div>
      {errorCount > 0 && (
        <p className="field-error" role="alert">
          {t('setup.fix', { count: errorCount })}
        </p>
      )}
      {refusal !== undefined && (
        <p className="notice notice-error" role="alert">
          {t('setup.refused', { message: refusal })}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('setup.start')}
        </button>
      </div>
    </form>
  );
}
