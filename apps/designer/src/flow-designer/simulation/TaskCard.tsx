import { returnOptions, type JsonValue, type TaskAction } from '@bankforge/flow-engine';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import { localized } from '../../form-designer/workspace/localized.js';
import { nodeNameById, type DesignerLanguage } from '../document/names.js';
import { INITIATOR, roleHolder } from './simulated-people.js';
import { taskDue, type Simulation, type TaskAnswer, type TaskInfo } from './simulation.js';
import { personName } from './timeline.js';
import { parseVariable, variableText } from './variable-inputs.js';

export interface TaskCardProps {
  simulation: Simulation;
  taskId: string;
  task: TaskInfo;
  language: DesignerLanguage;
  time(iso: string): string;
  onAnswer(answer: TaskAnswer): void;
}

/**
 * One open task: who may act now, and a form to answer it as one of them (or as anyone else, to
 * see the engine refuse: the initiator on their own case, someone whose turn it is not). The
 * actions are the step's own; a return offers the steps the engine would accept.
 */
export function TaskCard({ simulation, taskId, task, language, time, onAnswer }: TaskCardProps) {
  const { t } = useTranslation('flowSimulation');
  const id = useId();
  const flow = simulation.setup.flow;
  const step = nodeNameById(flow, task.nodeId, language);
  const resubmit = flow.nodes.find((n) => n.id === task.nodeId)?.type === 'start';
  const people = [...task.mayAct, ...(task.mayAct.includes(INITIATOR) ? [] : [INITIATOR])];
  const returns = returnOptions(flow, simulation.state, taskId);
  const [actor, setActor] = useState(task.mayAct[0] ?? INITIATOR);
  const [action, setAction] = useState<TaskAction>(task.actions[0] ?? 'approve');
  const [comment, setComment] = useState('');
  const [returnTo, setReturnTo] = useState(returns[0]?.nodeId ?? '');
  const [other, setOther] = useState(roleHolder(t('tasks.colleague'), 1));
  const [position, setPosition] = useState<'before' | 'after'>('before');
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries((task.editableFields ?? []).map((name) => [name, variableText(simulation.state.variables[name])])),
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const due = taskDue(simulation, taskId);
  const actionName = (a: TaskAction) => (resubmit && a === 'approve' ? t('actions.resubmit') : t(`actions.${a}`));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answer: TaskAnswer = { taskId, actor, action, ...(comment.trim() !== '' ? { comment: comment.trim() } : {}) };
    if (action === 'return' && returnTo !== '') answer.returnToNodeId = returnTo;
    if (action === 'delegate') answer.delegateTo = other.trim();
    if (action === 'addApprover') answer.addApprover = { userId: other.trim(), position };
    if (action === 'approve' && (task.editableFields ?? []).length > 0) {
      const values: Record<string, JsonValue> = {};
      const errors: Record<string, string> = {};
      for (const name of task.editableFields ?? []) {
        const declared = flow.variables.find((v) => v.name === name) ?? { name, type: 'string' as const };
        const parsed = parseVariable({ ...declared, required: false }, fields[name] ?? '');
        if (parsed.error !== undefined) errors[name] = t(`setup.errors.${parsed.error}`);
        else if (parsed.value !== undefined) values[name] = parsed.value;
      }
      setFieldErrors(errors);
      if (Object.keys(errors).length > 0) return;
      answer.fields = values;
    }
    onAnswer(answer);
  };

  return (
    <article className="sim-task" aria-labelledby={`${id}-step`}>
      <h3 id={`${id}-step`}>{step}</h3>
      <p>{t('tasks.mayAct', { people: task.mayAct.map((p) => personName(p, t)).join(language === 'zh-CN' ? '、' : ', ') })}</p>
      {due !== undefined && <p className="help">{t('tasks.due', { time: time(due) })}</p>}
      <form onSubmit={submit} noValidate>
        <SelectControl label={t('tasks.actAs')} value={actor} choices={people.map((p) => ({ value: p, label: personName(p, t) }))} onChange={setActor} />
        <SelectControl label={t('tasks.action')} value={action} choices={task.actions.map((a) => ({ value: a, label: actionName(a) }))} onChange={(a) => setAction(a as TaskAction)} />
        {action === 'return' && returns.length > 0 && (
          <SelectControl
            label={t('tasks.returnTo')}
            value={returnTo}
            choices={returns.map((r) => ({ value: r.nodeId, label: r.toInitiator === true ? t('tasks.toInitiator') : nodeNameById(flow, r.nodeId, language) }))}
            onChange={setReturnTo}
          />
        )}
        {(action === 'delegate' || action === 'addApprover') && <TextControl label={t('tasks.person')} value={other} onChange={setOther} />}
        {action === 'addApprover' && (
          <SelectControl
            label={t('tasks.position')}
            value={position}
            choices={(['before', 'after'] as const).map((p) => ({ value: p, label: t(`tasks.${p}`, { person: personName(actor, t) }) }))}
            onChange={(p) => setPosition(p === 'after' ? 'after' : 'before')}
          />
        )}
        {action === 'approve' && (task.editableFields ?? []).length > 0 && (
          <fieldset>
            <legend>{t('tasks.fields', { person: personName(actor, t) })}</legend>
            {(task.editableFields ?? []).map((name) => {
              const declared = flow.variables.find((v) => v.name === name);
              const error = fieldErrors[name];
              return (
                <TextControl
                  key={name}
                  label={localized(declared?.label, language) || name}
                  value={fields[name] ?? ''}
                  onChange={(text) => setFields((f) => ({ ...f, [name]: text }))}
                  problems={error === undefined ? undefined : [{ path: name, code: 'invalid', message: error }]}
                />
              );
            })}
          </fieldset>
        )}
        <TextControl label={t('tasks.comment')} value={comment} onChange={setComment} />
        <div className="button-row">
          <button type="submit" className="primary">
            {actionName(action)}
          </button>
        </div>
      </form>
    </article>
  );
}
