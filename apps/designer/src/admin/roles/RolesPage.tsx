import type { ApiClient, ArtifactSummary, RoleDefinition, UserSummary } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate, useParams } from 'react-router-dom';
import { Loading } from '../../shell/Loading.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { roleName } from '../shared/role-name.js';
import { useLoaded } from '../shared/useLoaded.js';
import { NewRoleDialog } from './NewRoleDialog.js';
import { RoleEditor } from './RoleEditor.js';

export interface RoleCatalog {
  roles: RoleDefinition[];
  users: UserSummary[];
  /** Published entities: the rows of the grant matrix. */
  entities: ArtifactSummary[];
}

const loadCatalog = async (api: ApiClient): Promise<RoleCatalog> => {
  const [roles, users, entities] = await Promise.all([api.roles(), api.users(), api.listArtifacts('entity')]);
  return { roles, users, entities: entities.filter((e) => e.latestVersion !== null) };
};

/** Roles: the list, and the chosen role's grants as a matrix to read and change. */
export function RolesPage() {
  const { t, i18n } = useTranslation('admin');
  const { key } = useParams();
  const navigate = useNavigate();
  const { state, reload } = useLoaded(loadCatalog);
  // A role added here is listed from the editor until it is saved and the list read again has it.
  const [added, setAdded] = useState<RoleDefinition | null>(null);
  const [creating, setCreating] = useState(false);
  const id = useId();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const { roles, users, entities } = state.data;
  const listed = added && !roles.some((r) => r.key === added.key) ? [...roles, added] : roles;
  const role = listed.find((r) => r.key === key);

  return (
    <section aria-labelledby={`${id}-title`} className="roles-page">
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('roles.title')}</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('roles.newRole')}
        </button>
      </div>
      <div className="roles-layout">
        <nav aria-label={t('roles.list')} className="role-list">
          <ul>
            {listed.map((r) => (
              <li key={r.key}>
                <NavLink to={`/admin/roles/${r.key}`}>
                  <span>{roleName(r, i18n.language)}</span>
                  <span className="help">{t('roles.holders', { count: users.filter((u) => u.roles.includes(r.key)).length })}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="role-detail">
          {role ? (
            <RoleEditor
              key={role.key}
              role={role}
              isNew={!roles.some((r) => r.key === role.key)}
              entities={entities}
              onSaved={() => void reload()}
            />
          ) : key ? (
            <p role="alert" className="notice notice-warning">
              {t('roles.notFound', { key })}
            </p>
          ) : (
            <p className="empty-state">{t('roles.choose')}</p>
          )}
        </div>
      </div>
      {creating && (
        <NewRoleDialog
          taken={listed.map((r) => r.key)}
          onClose={() => setCreating(false)}
          onCreate={(created) => {
            setCreating(false);
            setAdded(created);
            void navigate(`/admin/roles/${created.key}`);
          }}
        />
      )}
    </section>
  );
}
