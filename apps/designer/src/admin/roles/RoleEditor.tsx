import type { ArtifactSummary, ProblemFieldError, RoleDefinition } from '@bankforge/client';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LeaveGuard } from '../../shell/artifact-editor/LeaveGuard.js';
import { ProblemList } from '../../shell/publish/ProblemList.js';
import { NoticeLine, type Notice } from '../shared/Notice.js';
import { roleName } from '../shared/role-name.js';
import { DesignerRights } from './DesignerRights.js';
import { GrantMatrix } from './GrantMatrix.js';
import { setName, setSpecial } from './role-edits.js';

export interface RoleEditorProps {
  role: RoleDefinition;
  /** Not stored yet: made in the New role dialog. */
  isNew: boolean;
  entities: readonly ArtifactSummary[];
  onSaved: () => void;
}

/** One role's document: names, special rights, data grants with field rules, designer rights; saved whole with PUT. */
export function RoleEditor({ role, isNew, entities, onSaved }: RoleEditorProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const [draft, setDraft] = useState<RoleDefinition>(role);
  const [saved, setSaved] = useState<RoleDefinition>(role);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<{ message: string; problems: readonly ProblemFieldError[] } | null>(null);
  // A new role is unsaved until its first save, even before anything in it changes.
  const [stored, setStored] = useState(!isNew);
  const dirty = !stored || JSON.stringify(draft) !== JSON.stringify(saved);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const answer = await api.saveRole(draft);
      setSaved(answer);
      setDraft(answer);
      setStored(true);
      setNotice({ key: 'roles.saved', values: { name: roleName(answer, i18n.language) } });
      onSaved();
    } catch (error) {
      const problem = asProblem(error);
      setFailure({ message: problem.detail || problem.title, problems: problem.errors });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby={`${id}-title`} className="role-editor">
      <LeaveGuard dirty={dirty && !busy} />
      <header className="role-editor-header">
        <h3 id={`${id}-title`}>
          {roleName(draft, i18n.language)} <code>{draft.key}</code>
        </h3>
        {dirty && <span className="badge badge-unsaved">{t('roles.unsaved')}</span>}
        <span className="toolbar-spacer" />
        {stored && (
          <button type="button" onClick={() => setDraft(saved)} disabled={!dirty || busy}>
            {t('roles.revert')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty || busy}>
          {busy ? t('saving') : t('save')}
        </button>
      </header>
      <NoticeLine notice={notice} />
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>{t('failed', { message: failure.message })}</p>
          <ProblemList problems={failure.problems} />
        </div>
      )}
      <div className="form-grid">
        <div className="form-row">
          <label htmlFor={`${id}-en`}>{t('roles.nameEn')}</label>
          <input id={`${id}-en`} value={draft.label.en} onChange={(e) => setDraft(setName(draft, 'en', e.target.value))} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-zh`}>{t('roles.nameZh')}</label>
          <input id={`${id}-zh`} lang="zh-CN" value={draft.label['zh-CN'] ?? ''} onChange={(e) => setDraft(setName(draft, 'zh-CN', e.target.value))} />
        </div>
      </div>
      <fieldset className="special-rights">
        <legend>{t('roles.special')}</legend>
        <label className="check">
          <input type="checkbox" checked={draft.admin === true} onChange={(e) => setDraft(setSpecial(draft, 'admin', e.target.checked))} />
          <span>{t('roles.admin')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.auditLog === true} onChange={(e) => setDraft(setSpecial(draft, 'auditLog', e.target.checked))} />
          <span>{t('roles.auditLog')}</span>
        </label>
      </fieldset>
      <GrantMatrix role={draft} entities={entities} onChange={setDraft} />
      <DesignerRights role={draft} onChange={setDraft} />
      <section aria-labelledby={`${id}-other`}>
        <h4 id={`${id}-other`}>{t('roles.other')}</h4>
        {Object.keys(draft.flows ?? {}).length === 0 && Object.keys(draft.decisions ?? {}).length === 0 ? (
          <p className="help">{t('roles.noOther')}</p>
        ) : (
          <ul className="plain-list">
            {Object.keys(draft.flows ?? {}).length > 0 && <li>{t('roles.flows', { list: Object.keys(draft.flows ?? {}).join(', ') })}</li>}
            {Object.keys(draft.decisions ?? {}).length > 0 && <li>{t('roles.decisions', { list: Object.keys(draft.decisions ?? {}).join(', ') })}</li>}
          </ul>
        )}
      </section>
    </article>
  );
}
