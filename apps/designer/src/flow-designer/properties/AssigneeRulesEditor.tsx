import type { AssigneeRule } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { NumberControl, SelectControl } from '../../data-model/controls/Controls.js';
import { PersonPicker } from '../pickers/PersonPicker.js';
import { RolePicker } from '../pickers/RolePicker.js';
import { FieldErrors } from './FieldErrors.js';
import { usePanel } from './panel-context.js';
import { FlowFeelEditor } from './FlowFeelEditor.js';

type RuleKind = AssigneeRule['kind'];
const KINDS: readonly RuleKind[] = ['user', 'role', 'branchRole', 'manager', 'expression'];

function ruleOfKind(kind: RuleKind): AssigneeRule {
  switch (kind) {
    case 'user':
      return { kind, userId: '' };
    case 'role':
    case 'branchRole':
      return { kind, role: '' };
    case 'manager':
      return { kind, levels: 1 };
    case 'expression':
      return { kind, feel: '' };
  }
}

export interface AssigneeRulesEditorProps {
  /** "Approvers" or "Recipients". */
  legend: string;
  rules: readonly AssigneeRule[];
  /** The JSON Pointer of the list (its problems are shown with it, each rule's with the rule). */
  path: string;
  onChange(rules: AssigneeRule[]): void;
}

/** Who a task goes to (or a copy is sent to): a list of rules, resolved in order, everyone they name. */
export function AssigneeRulesEditor({ legend, rules, path, onChange }: AssigneeRulesEditorProps) {
  const { t } = useTranslation('flowDesigner');
  const { problemsAt, language } = usePanel();
  const set = (index: number, rule: AssigneeRule) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  const own = problemsAt(path).filter((p) => p.path === path);
  return (
    <fieldset className="flow-rules">
      <legend>{legend}</legend>
      {rules.length === 0 && <p className="help">{t('assignees.none')}</p>}
      <FieldErrors problems={own} />
      <ol>
        {rules.map((rule, index) => {
          const number = index + 1;
          const at = `${path}/${index}`;
          return (
            <li key={index} className="flow-rule">
              <SelectControl
                label={t('assignees.kind', { number })}
                value={rule.kind}
                choices={KINDS.map((k) => ({ value: k, label: t(`assignees.kinds.${k}`) }))}
                onChange={(kind) => set(index, ruleOfKind(kind as RuleKind))}
              />
              {rule.kind === 'user' && <PersonPicker label={t('assignees.userId', { number })} help={t('assignees.help.user')} value={rule.userId} onChange={(userId) => set(index, { ...rule, userId })} problems={problemsAt(`${at}/userId`)} />}
              {(rule.kind === 'role' || rule.kind === 'branchRole') && (
                <RolePicker label={t('assignees.role', { number })} help={t(`assignees.help.${rule.kind}`)} value={rule.role} language={language} onChange={(role) => set(index, { ...rule, role })} problems={problemsAt(`${at}/role`)} />
              )}
              {rule.kind === 'manager' && (
                <NumberControl label={t('assignees.levels', { number })} help={t('assignees.help.manager')} value={rule.levels} min={1} onChange={(levels) => set(index, { ...rule, levels: levels ?? 1 })} problems={problemsAt(`${at}/levels`)} />
              )}
              {rule.kind === 'expression' && (
                <>
                  <FlowFeelEditor label={t('assignees.feel', { number })} value={rule.feel} onChange={(feel) => set(index, { ...rule, feel })} />
                  <FieldErrors problems={problemsAt(`${at}/feel`)} />
                </>
              )}
              <button type="button" onClick={() => onChange(rules.filter((_, i) => i !== index))}>
                {t('assignees.remove', { number })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...rules, ruleOfKind('role')])}>
        {t('assignees.add')}
      </button>
    </fieldset>
  );
}
