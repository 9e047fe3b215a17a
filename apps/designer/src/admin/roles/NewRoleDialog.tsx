import type { RoleDefinition } from '@bankforge/client';
import { Dialog } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_KEY } from './role-edits.js';

export interface NewRoleDialogProps {
  taken: readonly string[];
  onClose: () => void;
  /** The new role's document, granting nothing yet: the editor takes it from here and saves it. */
  onCreate: (role: RoleDefinition) => void;
}

/** Names a new role: its key (fixed once saved) and its names in both languages. */
export function NewRoleDialog({ taken, onClose, onCreate }: NewRoleDialogProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [key, setKey] = useState('');
  const [en, setEn] = useState('');
  const [zh, setZh] = useState('');
  const [errors, setErrors] = useState<{ key?: string; en?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { key?: string; en?: string } = {};
    if (!ROLE_KEY.test(key)) found.key = t('roles.keyInvalid');
    else if (taken.includes(key)) found.key = t('roles.keyTaken');
    if (en.trim() === '') found.en = t('roles.nameRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onCreate({ key, label: { en: en.trim(), ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}) } });
  };

  return (
    <Dialog title={t('roles.newRole')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <div className="form-row">
          <label htmlFor={`${id}-key`}>{t('roles.key')}</label>
          <input
            id={`${id}-key`}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.key ? true : undefined}
            aria-describedby={errors.key ? `${id}-key-error` : `${id}-key-help`}
          />
          <p id={`${id}-key-help`} className="help">
            {t('roles.keyHelp')}
          </p>
          {errors.key && (
            <p id={`${id}-key-error`} className="field-error">
              {errors.key}
            </p>
          )}
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-en`}>{t('roles.nameEn')}</label>
          <input id={`${id}-en`} value={en} onChange={(e) => setEn(e.target.value)} aria-invalid={errors.en ? true : undefined} aria-describedby={errors.en ? `${id}-en-error` : undefined} />
          {errors.en && (
            <p id={`${id}-en-error`} className="field-error">
              {errors.en}
            </p>
          )}
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-zh`}>{t('roles.nameZh')}</label>
          <input id={`${id}-zh`} value={zh} onChange={(e) => setZh(e.target.value)} lang="zh-CN" />
        </div>
        <div className="button-row">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary">
            {t('roles.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
