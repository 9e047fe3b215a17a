import type { ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { TextControl } from '../../data-model/controls/Controls.js';
import type { DesignerLanguage } from '../document/names.js';
import { Combobox } from './Combobox.js';
import { useRoles, type BankRole } from '../../shell/roles/useRoles.js';

export interface RolePickerProps {
  label: string;
  hideLabel?: boolean;
  help?: string;
  /** The role's key, `''` for none yet. */
  value: string;
  language: DesignerLanguage;
  onChange(key: string): void;
  problems?: readonly ProblemFieldError[];
}

/** "Credit officer (credit_officer)": the name the bank gave it, and the key the flow stores. */
export function roleLabel(role: BankRole, language: DesignerLanguage): string {
  return `${role.label[language] || role.label.en} (${role.key})`;
}

/** Whether the text is part of the role's key or of its name in either language. */
function matches(role: BankRole, text: string): boolean {
  const wanted = text.toLowerCase();
  return [role.key, role.label.en, role.label['zh-CN'] ?? ''].some((s) => s.toLowerCase().includes(wanted));
}

/**
 * One of the bank's roles, picked from the list the server keeps (by name or key). A key the flow
 * names that is no role is said so. Should the list not load (offline), the key is typed.
 */
export function RolePicker({ label, hideLabel, help, value, language, onChange, problems = [] }: RolePickerProps) {
  const { t } = useTranslation('flowDesigner');
  const roles = useRoles();
  if (roles.status === 'failed') {
    const unavailable = t('picker.rolesUnavailable');
    if (hideLabel) return <input aria-label={label} title={unavailable} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />;
    return <TextControl label={label} help={`${help ? `${help} ` : ''}${unavailable}`} value={value} spellCheck={false} onChange={onChange} problems={problems} />;
  }
  const list = roles.status === 'ready' ? roles.roles : [];
  const known = list.find((r) => r.key === value);
  const unknown = roles.status === 'ready' && value !== '' && known === undefined;
  return (
    <Combobox
      label={label}
      hideLabel={hideLabel}
      help={help}
      value={value}
      shown={known !== undefined ? roleLabel(known, language) : value}
      search={(text) => Promise.resolve(list.filter((r) => matches(r, text)).map((r) => ({ value: r.key, label: roleLabel(r, language) })))}
      onChange={onChange}
      noMatch={(text) => t('picker.noRole', { text })}
      problems={[...(unknown ? [{ message: t('picker.unknownRole', { key: value }) }] : []), ...problems]}
    />
  );
}
