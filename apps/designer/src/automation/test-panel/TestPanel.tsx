import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { AutomationTestInput, AutomationTestResult } from '@bankforge/client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readableFieldKeys } from '../model/fields.js';
import { typedValue } from '../model/scope.js';
import { fieldChoices } from '../ui/choices.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { StepTable } from './StepTable.js';
import { useRecordChoices } from './useRecordChoices.js';

interface Change {
  field: string;
  value: string;
}

/** The payload text as an object, or null when it is not one. */
function payloadOf(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Test: this draft against a record (and, for a record trigger, the values a write would change) or
 * an inbound payload; the server answers whether the trigger matched and what each action would do,
 * writing nothing.
 */
export function TestPanel() {
  const { t } = useTranslation('automationDesigner');
  const { document, entity, language } = useAutomationEditing();
  const choices = useRecordChoices(entity?.key);
  const api = useApiClient();
  const id = useId();
  const trigger = document.trigger;
  const [recordId, setRecordId] = useState('');
  const [payload, setPayload] = useState('{}');
  const [changes, setChanges] = useState<Change[]>([]);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AutomationTestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // An inbound run finds its record through the payload; a schedule without an entity has none.
  const withRecord = trigger.type === 'record' || trigger.type === 'case' || (trigger.type === 'schedule' && Boolean(trigger.entity));
  const inbound = trigger.type === 'inbound';
  const parsedPayload = inbound ? payloadOf(payload) : null;
  const fields = fieldChoices((entity?.fields ?? []).filter((f) => readableFieldKeys(entity).includes(f.key)), language);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (inbound && parsedPayload === null) return;
    const input: AutomationTestInput = { document };
    if (recordId.trim() && withRecord) input.recordId = recordId.trim();
    const filled = changes.filter((c) => c.field !== '');
    if (trigger.type === 'record' && filled.length > 0) input.changes = Object.fromEntries(filled.map((c) => [c.field, typedValue(c.value)]));
    if (inbound && parsedPayload) input.payload = parsedPayload;
    setRunning(true);
    setFailure(null);
    try {
      setResult(await api.testAutomation(document.key, input));
    } catch (error) {
      const problem = asProblem(error);
      setResult(null);
      setFailure(problem.detail || problem.title);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="automation-section automation-test" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('test.title')}</h2>
      <p className="help">{t('test.intro')}</p>
      <form onSubmit={(e) => void run(e)} className="stack">
        {withRecord && (
          <div className="automation-inline">
            {(choices?.records.length ?? 0) > 0 && (
              <div className="form-row">
                <label htmlFor={`${id}-pick`}>{t('test.pickRecord')}</label>
                <select id={`${id}-pick`} value={choices!.records.some((r) => r.id === recordId) ? recordId : ''} onChange={(e) => setRecordId(e.target.value)}>
                  <option value="">{t('test.chooseRecord')}</option>
                  {choices!.records.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.title}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="form-row">
              <label htmlFor={`${id}-record`}>{t('test.recordId')}</label>
              <input id={`${id}-record`} value={recordId} onChange={(e) => setRecordId(e.target.value)} spellCheck={false} autoComplete="off" />
            </div>
          </div>
        )}
        {inbound && (
          <div className="form-row">
            <label htmlFor={`${id}-payload`}>{t('test.payload')}</label>
            <textarea
              id={`${id}-payload`}
              rows={5}
              value={payload}
              spellCheck={false}
              aria-invalid={parsedPayload === null || undefined}
              aria-describedby={parsedPayload === null ? `${id}-payload-error` : undefined}
              onChange={(e) => setPayload(e.target.value)}
            />
            {parsedPayload === null && (
              <p id={`${id}-payload-error`} className="field-error">
                {t('test.payloadInvalid')}
              </p>
            )}
          </div>
        )}
        {trigger.type === 'record' && (
          <fieldset className="automation-map">
            <legend>{t('test.changes')}</legend>
            <p className="help">{t('test.changesHelp')}</p>
            {changes.map((change, i) => {
              const name = fields.find((f) => f.value === change.field)?.label ?? change.field;
              const set = (next: Partial<Change>) => setChanges(changes.map((c, j) => (j === i ? { ...c, ...next } : c)));
              return (
                <div key={i} className="automation-inline">
                  <div className="form-row">
                    <label htmlFor={`${id}-change-${i}-field`}>{t('test.changeField', { number: i + 1 })}</label>
                    <select id={`${id}-change-${i}-field`} value={change.field} onChange={(e) => set({ field: e.target.value })}>
                      <option value="">{t('actions.chooseField')}</option>
                      {fields.map((f) => (
                        <option key={f.value} value={f.value}>
                          {f.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="form-row">
                    <label htmlFor={`${id}-change-${i}-value`}>{t('test.changeValue', { field: name || i + 1 })}</label>
                    <input id={`${id}-change-${i}-value`} value={change.value} spellCheck={false} onChange={(e) => set({ value: e.target.value })} />
                  </div>
                  <button type="button" aria-label={t('test.removeChange', { field: name || i + 1 })} onClick={() => setChanges(changes.filter((_, j) => j !== i))}>
                    ✕
                  </button>
                </div>
              );
            })}
            <button type="button" onClick={() => setChanges([...changes, { field: '', value: '' }])}>
              {t('test.addChange')}
            </button>
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={running || (inbound && parsedPayload === null)}>
            {running ? t('test.running') : t('test.run')}
          </button>
        </div>
      </form>
      {failure && (
        <div role="alert" className="notice notice-error">
          {t('test.failed', { message: failure })}
        </div>
      )}
      {result && (
        <div role="status" className="automation-test__result">
          <p className={result.matched ? 'notice notice-success' : 'notice'}>{t(result.matched ? 'test.matched' : 'test.notMatched')}</p>
          {result.steps.length > 0 && <StepTable caption={t('test.steps')} steps={result.steps} entity={entity?.key} />}
        </div>
      )}
    </section>
  );
}
