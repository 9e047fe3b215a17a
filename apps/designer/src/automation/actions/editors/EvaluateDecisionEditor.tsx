import { useApiClient } from '@bankforge/app-shell';
import type { EvaluateDecisionAction } from '@bankforge/flow-engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writableFields } from '../../model/fields.js';
import { artifactChoices, fieldChoices, fieldName } from '../../ui/choices.js';
import { ControlProblems, FeelControl, SelectControl, TextControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';

/** A decision's input data names, from its published version (an empty list when it cannot be read). */
async function decisionInputs(api: ReturnType<typeof useApiClient>, key: string, version: number): Promise<string[]> {
  try {
    const { document } = await api.getVersion('decision', key, version);
    const inputData = (document as { inputData?: { name?: unknown }[] }).inputData ?? [];
    return inputData.flatMap((i) => (typeof i.name === 'string' ? [i.name] : []));
  } catch {
    return [];
  }
}

export function EvaluateDecisionEditor({ action, index, onChange }: ActionEditorProps<EvaluateDecisionAction>) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, entity, language } = useAutomationEditing();
  const api = useApiClient();
  const scope = useActionScope(index);
  const id = useId();
  const [newInput, setNewInput] = useState('');
  const control = `actions.${index}`;
  const write = action.write ?? {};
  const freeFields = writableFields(entity).filter((f) => !(f.key in write));

  const choose = async (decision: string) => {
    const summary = catalog.decisions.find((d) => d.key === decision);
    // The decision's inputs are offered as rows to fill; the values typed for inputs it shares are kept.
    const names = summary?.latestVersion ? await decisionInputs(api, decision, summary.latestVersion) : [];
    onChange({ ...action, decision, inputs: Object.fromEntries(names.map((n) => [n, action.inputs[n] ?? ''])) });
  };
  const setWrite = (next: Record<string, string>, label?: string) => {
    const { write: _w, ...rest } = action;
    onChange(Object.keys(next).length === 0 ? rest : { ...rest, write: next }, label);
  };

  return (
    <>
      <SelectControl
        label={t('actions.decision')}
        control={`${control}.decision`}
        value={action.decision}
        placeholder={t('actions.chooseDecision')}
        choices={artifactChoices(catalog.decisions, language)}
        onChange={(decision) => void choose(decision)}
      />
      <fieldset className="automation-map">
        <legend>{t('actions.inputs')}</legend>
        <ControlProblems id={`${id}-inputs`} control={`${control}.inputs`} />
        {Object.entries(action.inputs).map(([name, value]) => (
          <div key={name} className="automation-values__row">
            <FeelControl
              label={t('actions.inputValue', { name })}
              control={`${control}.inputs`}
              value={value}
              names={scope.names}
              onChange={(v) => onChange({ ...action, inputs: { ...action.inputs, [name]: v } }, `${control}.inputs.${name}`)}
            />
            <button
              type="button"
              aria-label={t('actions.removeInput', { name })}
              onClick={() => {
                const { [name]: _removed, ...rest } = action.inputs;
                onChange({ ...action, inputs: rest });
              }}
            >
              ✕
            </button>
          </div>
        ))}
        {Object.keys(action.inputs).length > 0 && <p className="help">{scope.help}</p>}
        <div className="automation-inline">
          <TextControl label={t('actions.inputName')} control={`${control}.inputs.new`} value={newInput} onChange={setNewInput} />
          <button
            type="button"
            disabled={newInput.trim() === '' || newInput.trim() in action.inputs}
            onClick={() => {
              onChange({ ...action, inputs: { ...action.inputs, [newInput.trim()]: '' } });
              setNewInput('');
            }}
          >
            {t('actions.addInput')}
          </button>
        </div>
      </fieldset>
      {entity && (
        <fieldset className="automation-map">
          <legend>{t('actions.write')}</legend>
          <ControlProblems id={`${id}-write`} control={`${control}.write`} />
          {Object.entries(write).map(([field, output]) => {
            const name = fieldName(entity, field, language);
            return (
              <div key={field} className="automation-values__row">
                <TextControl label={t('actions.outputName', { field: name })} control={`${control}.write`} value={output} onChange={(o) => setWrite({ ...write, [field]: o }, `${control}.write.${field}`)} />
                <button
                  type="button"
                  aria-label={t('actions.removeValue', { field: name })}
                  onClick={() => {
                    const { [field]: _removed, ...rest } = write;
                    setWrite(rest);
                  }}
                >
                  ✕
                </button>
              </div>
            );
          })}
          <div className="form-row">
            <label htmlFor={`${id}-add-write`}>{t('actions.addWrite')}</label>
            <select id={`${id}-add-write`} value="" disabled={freeFields.length === 0} onChange={(e) => e.target.value && setWrite({ ...write, [e.target.value]: '' })}>
              <option value="">{t('actions.chooseField')}</option>
              {fieldChoices(freeFields, language).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
    </>
  );
}
