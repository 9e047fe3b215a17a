import type { AutomationStepLog, AutomationStepMessage } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { useAutomationEditing } from '../ui/editing-context.js';

type Params = AutomationStepMessage['params'];
type Language = 'en' | 'zh-CN';

/** `+ vip − churn_risk` with each tag by its option's label; a tag the field no longer offers stays as its key. */
function tagChange(change: string | number | undefined, entity: EntityDefinition | undefined, field: string | number | undefined, language: Language): string | number | undefined {
  const options = entity?.fields.find((f) => f.key === field)?.options;
  if (typeof change !== 'string' || !options) return change;
  return change.replace(/([+−]) (\S+)/g, (whole, sign: string, key: string) => {
    const label = options.find((o) => o.value === key)?.label;
    return label ? `${sign} ${label[language] || label.en}` : whole;
  });
}

/**
 * A refusal's fields as the server lists them (`/stage fieldControlledByFlow, /mobile required`):
 * each field by its label and its problem in words; an item not of that shape stays as sent.
 */
function refusedFields(fields: string, entity: EntityDefinition | undefined, language: Language, say: (key: string, options: Record<string, string>) => string): string {
  return fields
    .split(', ')
    .map((item) => {
      const match = /^\/([^/\s]+)\S* (\S+)$/.exec(item);
      if (!match) return item;
      const [, key = '', code = ''] = match;
      const label = entity?.fields.find((f) => f.key === key)?.label;
      return say('refusalList.field', { field: label ? label[language] || label.en : key, problem: say(`refusals.${code}`, { defaultValue: code }) });
    })
    .join(say('refusalList.separator', {}));
}

/**
 * What a step or a run said, in the reader's language: its message (a code and values) translated,
 * a wait's end and a schedule's slot as local dates, a tag field and its tags by their labels (of `entityKey`, the run's
 * record's entity); the server's English text for runs stored before messages.
 */
export function useSaid(entityKey: string | null | undefined): (message: AutomationStepMessage | null | undefined, english: string) => string {
  const { t, i18n } = useTranslation('automationDesigner');
  const { catalog } = useAutomationEditing();
  const entity = entityKey ? catalog.entities.get(entityKey) : undefined;
  const language: Language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const say = (code: string, params: Params, english: string): string => {
    if (code === 'retriesExhausted') {
      // The cause's own code and values travel beside the attempts.
      const { cause, attempts, ...causeParams } = params;
      return t('steps.retriesExhausted', { attempts, cause: typeof cause === 'string' ? say(cause, causeParams, String(cause)) : '', defaultValue: english });
    }
    const local = (instant: string | number | undefined) => (typeof instant === 'string' && !Number.isNaN(Date.parse(instant)) ? date.format(new Date(instant)) : instant);
    const fieldLabel = code.startsWith('tags') ? entity?.fields.find((f) => f.key === params.field)?.label : undefined;
    const field = fieldLabel ? fieldLabel[language] || fieldLabel.en : params.field;
    const change = code.startsWith('tags') ? tagChange(params.change, entity, params.field, language) : params.change;
    // A refusal's problem code in words when the designer knows it; another stays the code the server sent.
    const problem = typeof params.problem === 'string' ? t(`refusals.${params.problem}`, { defaultValue: params.problem }) : params.problem;
    const fields = code === 'recordRefused' && typeof params.fields === 'string' ? refusedFields(params.fields, entity, language, (key, options) => t(key, options)) : params.fields;
    // A round robin within a branch, a wait in working time, a refusal naming fields say so: i18next's context picks `_branch`, `_calendar`, `_fields`.
    const context = params.branch !== undefined ? 'branch' : params.calendar !== undefined ? 'calendar' : typeof params.fields === 'string' && params.fields !== '' ? 'fields' : undefined;
    return t(`steps.${code}`, { ...params, dueAt: local(params.dueAt), slot: local(params.slot), field, change, problem, fields, context, defaultValue: english });
  };
  return (message, english) => (message ? say(message.code, message.params, english) : english);
}

/** A step's detail in the reader's language (see `useSaid`). */
export function useStepDetail(entityKey: string | null | undefined): (step: AutomationStepLog) => string {
  const said = useSaid(entityKey);
  return (step) => said(step.message, step.detail);
}
