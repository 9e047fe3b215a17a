import type { RoleDefinition } from '@bankforge/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DESIGNER_KINDS, DESIGNER_RIGHTS, setDesignerRight } from './role-edits.js';

/** Which kinds of artifact the role may edit and publish in the designer. */
export function DesignerRights({ role, onChange }: { role: RoleDefinition; onChange: (role: RoleDefinition) => void }) {
  const { t } = useTranslation('admin');
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('roles.designer')}</h4>
      <table className="data-table compact designer-rights">
        <thead>
          <tr>
            <th scope="col">{t('roles.kind')}</th>
            {DESIGNER_RIGHTS.map((right) => (
              <th scope="col" key={right}>
                {t(`roles.${right}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DESIGNER_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`roles.kinds.${kind}`)}</th>
              {DESIGNER_RIGHTS.map((right) => (
                <td key={right}>
                  <input
                    type="checkbox"
                    aria-label={t('roles.rightLabel', { right: t(`roles.${right}`), kind: t(`roles.kinds.${kind}`) })}
                    checked={role.artifacts?.[kind]?.includes(right) ?? false}
                    onChange={(e) => onChange(setDesignerRight(role, kind, right, e.target.checked))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
