import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { ApiKeysPage } from './api-keys/ApiKeysPage.js';
import { BranchesPage } from './branches/BranchesPage.js';
import { ConnectorsPage } from './connectors/ConnectorsPage.js';
import { RolesPage } from './roles/RolesPage.js';
import { UsersPage } from './users/UsersPage.js';
import { WebhooksPage } from './webhooks/WebhooksPage.js';
import { ImportsPage } from './imports/ImportsPage.js';
import './admin.css';

const SECTIONS = [
  { path: 'users', label: 'section.users' },
  { path: 'roles', label: 'section.roles' },
  { path: 'branches', label: 'section.branches' },
  { path: 'api-keys', label: 'section.apiKeys' },
  { path: 'connectors', label: 'section.connectors' },
  { path: 'webhooks', label: 'section.webhooks' },
  { path: 'imports', label: 'section.imports' },
] as const;

/**
 * The administrator's area at /admin: users, roles and their grants, branches and teams, API keys, connectors, webhooks, the bulk imports people ran.
 * Only administrators reach its data (the server answers others 403, said here in words).
 */
export default function AdminArea() {
  const { t } = useTranslation('admin');
  useEffect(() => {
    document.title = t('title');
  }, [t]);
  return (
    <div className="page admin-area">
      <div className="page-header">
        <h1>{t('title')}</h1>
      </div>
      <nav aria-label={t('sections')} className="admin-sections">
        {SECTIONS.map((section) => (
          <NavLink key={section.path} to={`/admin/${section.path}`}>
            {t(section.label)}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<Navigate to="/admin/users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="roles" element={<RolesPage />} />
        <Route path="roles/:key" element={<RolesPage />} />
        <Route path="branches" element={<BranchesPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="connectors" element={<ConnectorsPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="imports" element={<ImportsPage />} />
      </Routes>
    </div>
  );
}
