import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { EntityListPage } from './entity-list/EntityListPage.js';
import { LoginPage } from './login/LoginPage.js';
import { AppHome, AppIndex } from './shell/apps/AppHome.js';
import { Loading } from './shell/Loading.js';
import { NotFound } from './shell/NotFound.js';
import { RuntimeLayout } from './shell/RuntimeLayout.js';

// The record page (form engine, FEEL runtime, renderer) is its own chunk: lists open fast.
const RecordPage = lazy(() => import('./record/RecordPage.js'));
// The approval screens load when first opened; the task page shares the record page's form engine.
const InboxPage = lazy(() => import('./inbox/InboxPage.js'));
const TaskPage = lazy(() => import('./task/TaskPage.js'));
const MyCasesPage = lazy(() => import('./cases/MyCasesPage.js'));
const CasePage = lazy(() => import('./cases/CasePage.js'));
// The audit viewer is for compliance and internal audit only: its own chunk.
const AuditPage = lazy(() => import('./audit/AuditPage.js'));
// Dashboards load with their first visit; ECharts is a chunk of its own again, loaded with the first chart.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage.js'));
// Imports are for the few roles granted them: their own chunk.
const ImportPage = lazy(() => import('./import/ImportPage.js'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RuntimeLayout />}>
          <Route index element={<AppHome />} />
          <Route path="inbox" element={<Lazy><InboxPage /></Lazy>} />
          <Route path="tasks/:id" element={<Lazy><TaskPage /></Lazy>} />
          <Route path="cases" element={<Lazy><MyCasesPage /></Lazy>} />
          <Route path="cases/:id" element={<Lazy><CasePage /></Lazy>} />
          <Route path="audit" element={<Lazy><AuditPage /></Lazy>} />
          <Route path="dashboards/:key" element={<Lazy><DashboardPage /></Lazy>} />
          <Route path="dashboards/:key/widgets/:widget" element={<Lazy><DashboardPage /></Lazy>} />
          <Route path=":app" element={<AppIndex />} />
          <Route path=":app/:entity" element={<EntityListPage />} />
          <Route path=":app/:entity/new" element={<Lazy><RecordPage /></Lazy>} />
          <Route path=":app/:entity/import" element={<Lazy><ImportPage /></Lazy>} />
          <Route path=":app/:entity/:id" element={<Lazy><RecordPage /></Lazy>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
