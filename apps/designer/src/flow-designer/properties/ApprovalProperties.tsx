import type { ApprovalAction, ApprovalMode, ApprovalNode, ApprovalTimeout, TimeoutAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { CheckboxControl, SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import { compact } from '../document/map-edits.js';
import { nodeNameById } from '../document/names.js';
import { RolePicker } from '../pickers/RolePicker.js';
import { BoundaryTimersEditor } from './activity/BoundaryTimersEditor.js';
import { AssigneeRulesEditor } from './AssigneeRulesEditor.js';
import { AuthorityLimitsTable } from './AuthorityLimitsTable.js';
import { DurationControl } from './DurationControl.js';
import { usePanel } from './panel-context.js';
import { nodePath, useNodeChange } from './useNodeChange.js';
import { usePublishedArtifacts } from './usePublished.js';

const MODES: readonly ApprovalMode[] = ['single', 'any', 'all', 'percentage', 'sequential'];
const ACTIONS: readonly ApprovalAction[] = ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'];
const RETURN_TARGETS = ['previous', 'any', 'initiator'] as const;
const TIMEOUT_ACTIONS: readonly TimeoutAction[] = ['remind', 'escalate', 'autoApprove', 'autoReject'];

/** An approval task: who approves, how many must, what they may do, its time limit and amount authority. */
export function ApprovalProperties({ node }: { node: ApprovalNode }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, language, problemsAt } = usePanel();
  const change = useNodeChange(node);
  const path = (...tokens: (string | number)[]) => nodePath(flow.nodes, node, ...tokens);
  const forms = usePublishedArtifacts('form');
  const outgoing = flow.edges.filter((e) => e.source === node.id);

  const setMode = (mode: ApprovalMode) =>
    change('mode', (n) => compact({ ...n, mode, percentage: mode === 'percentage' ? (n.percentage ?? 50) : undefined }));
  const toggleAction = (action: ApprovalAction, on: boolean) =>
    change('actions', (n) => {
      const actions = ACTIONS.filter((a) => (a === action ? on : n.actions.includes(a)));
      // A return target only means something while the task offers "return".
      return compact({ ...n, actions, returnTo: actions.includes('return') ? n.returnTo : undefined });
    });
  const setTimeout = (timeout: ApprovalTimeout | undefined) => change('timeout', (n) => compact({ ...n, timeout }));
  const timeout = node.timeout;

  return (
    <>
      <AssigneeRulesEditor legend={t('approval.assignees')} rules={node.assignees} path={path('assignees')} onChange={(assignees) => change('assignees', (n) => ({ ...n, assignees }))} />
      <SelectControl
        label={t('approval.mode')}
        help={t(`approval.modeHelp.${node.mode}`)}
        value={node.mode}
        choices={MODES.map((m) => ({ value: m, label: t(`approval.modes.${m}`) }))}
        onChange={(m) => setMode(m as ApprovalMode)}
        problems={problemsAt(path('mode'))}
      />
      {node.mode === 'percentage' && (
        <TextControl
          label={t('approval.percentage')}
          type="number"
          step="any"
          min={0}
          value={node.percentage === undefined ? '' : String(node.percentage)}
          onChange={(text) => change('percentage', (n) => compact({ ...n, percentage: text.trim() === '' ? undefined : Number(text) }))}
          problems={problemsAt(path('percentage'))}
        />
      )}
      <fieldset>
        <legend>{t('approval.actions')}</legend>
        <div className="check-row">
          {ACTIONS.map((action) => (
            <CheckboxControl key={action} label={t(`approval.actionNames.${action}`)} checked={node.actions.includes(action)} onChange={(on) => toggleAction(action, on)} />
          ))}
        </div>
        {problemsAt(path('actions')).map((p, i) => <p key={i} className="field-errors">{p.message}</p>)}
      </fieldset>
      {node.actions.includes('return') && (
        <SelectControl
          label={t('approval.returnTo')}
          value={node.returnTo ?? 'previous'}
          choices={RETURN_TARGETS.map((r) => ({ value: r, label: t(`approval.returnTargets.${r}`) }))}
          onChange={(r) => change('returnTo', (n) => ({ ...n, returnTo: r as ApprovalNode['returnTo'] }))}
          problems={problemsAt(path('returnTo'))}
        />
      )}
      <fieldset>
        <legend>{t('approval.timeout')}</legend>
        <CheckboxControl label={t('approval.hasTimeout')} checked={timeout !== undefined} onChange={(on) => setTimeout(on ? { duration: 'PT48H', action: 'remind' } : undefined)} />
        {timeout !== undefined && (
          <>
            <DurationControl label={t('approval.timeoutAfter')} value={timeout.duration} onChange={(duration) => setTimeout({ ...timeout, duration })} problems={problemsAt(path('timeout', 'duration'))} />
            <CheckboxControl
              label={t('approval.businessTime')}
              help={t('approval.businessTimeHelp')}
              checked={timeout.businessCalendar === true}
              onChange={(on) => setTimeout(compact({ ...timeout, businessCalendar: on ? true : undefined }))}
            />
            <SelectControl
              label={t('approval.timeoutAction')}
              value={timeout.action}
              choices={TIMEOUT_ACTIONS.map((a) => ({ value: a, label: t(`approval.timeoutActions.${a}`) }))}
              onChange={(a) => setTimeout(compact({ ...timeout, action: a as TimeoutAction, escalateTo: a === 'escalate' ? (timeout.escalateTo ?? { manager: true }) : undefined }))}
            />
            {timeout.action === 'escalate' && (
              <>
                <SelectControl
                  label={t('approval.escalateTo')}
                  value={timeout.escalateTo !== undefined && 'role' in timeout.escalateTo ? 'role' : 'manager'}
                  choices={[{ value: 'manager', label: t('approval.escalateManager') }, { value: 'role', label: t('approval.escalateRole') }]}
                  onChange={(to) => setTimeout({ ...timeout, escalateTo: to === 'role' ? { role: '' } : { manager: true } })}
                  problems={problemsAt(path('timeout', 'escalateTo'))}
                />
                {timeout.escalateTo !== undefined && 'role' in timeout.escalateTo && (
                  <RolePicker
                    label={t('approval.escalationRole')}
                    value={timeout.escalateTo.role}
                    language={language}
                    onChange={(role) => setTimeout({ ...timeout, escalateTo: { role } })}
                    problems={problemsAt(path('timeout', 'escalateTo', 'role'))}
                  />
                )}
              </>
            )}
          </>
        )}
      </fieldset>
      <AuthorityLimitsTable node={node} path={path('authorityLimits')} onChange={(limits) => change('authorityLimits', (n) => compact({ ...n, authorityLimits: limits.length > 0 ? limits : undefined }))} />
      <SelectControl
        label={t('approval.form')}
        value={node.formKey ?? ''}
        choices={[{ value: '', label: t('approval.noForm') }, ...forms.map((f) => ({ value: f.key, label: `${f.title} (${f.key})` })), ...(node.formKey && !forms.some((f) => f.key === node.formKey) ? [{ value: node.formKey, label: node.formKey }] : [])]}
        onChange={(formKey) => change('formKey', (n) => compact({ ...n, formKey: formKey === '' ? undefined : formKey }))}
        problems={problemsAt(path('formKey'))}
      />
      <fieldset>
        <legend>{t('approval.editableFields')}</legend>
        <p className="help">{t('approval.editableFieldsHelp')}</p>
        <div className="check-row">
          {flow.variables.map((v) => (
            <CheckboxControl
              key={v.name}
              label={v.name}
              checked={node.editableFields?.includes(v.name) ?? false}
              onChange={(on) =>
                change('editableFields', (n) => {
                  const fields = flow.variables.map((x) => x.name).filter((name) => (name === v.name ? on : (n.editableFields ?? []).includes(name)));
                  return compact({ ...n, editableFields: fields.length > 0 ? fields : undefined });
                })
              }
            />
          ))}
        </div>
        {problemsAt(path('editableFields')).map((p, i) => <p key={i} className="field-errors">{p.message}</p>)}
      </fieldset>
      <CheckboxControl
        label={t('approval.distinctApprovers')}
        help={t('approval.distinctApproversHelp')}
        checked={node.distinctApprovers === true}
        onChange={(on) => change('distinctApprovers', (n) => compact({ ...n, distinctApprovers: on ? true : undefined }))}
      />
      {outgoing.length > 1 && (
        <SelectControl
          label={t('approval.rejectEdge')}
          value={node.rejectEdge ?? ''}
          choices={[{ value: '', label: t('approval.rejectEnds') }, ...outgoing.map((e) => ({ value: e.id, label: t('approval.rejectTo', { name: nodeNameById(flow, e.target, language) }) }))]}
          onChange={(edge) => change('rejectEdge', (n) => compact({ ...n, rejectEdge: edge === '' ? undefined : edge }))}
          problems={problemsAt(path('rejectEdge'))}
        />
      )}
      <BoundaryTimersEditor node={node} />
    </>
  );
}
