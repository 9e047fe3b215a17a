import { lazy, Suspense } from 'react';
import { createBrowserRouter, createRoutesFromElements, Route, RouterProvider } from 'react-router-dom';
import { ArtifactList } from './shell/ArtifactList.js';
import { DesignerLayout } from './shell/DesignerLayout.js';
import { Loading } from './shell/Loading.js';
import { lazyRoute } from './shell/lazy-route.js';
import { NotFound } from './shell/NotFound.js';

// Each designer is its own chunk: the artifact list loads fast, Monaco only with the form designer's FEEL editor.
const EntityDesigner = lazy(() => import('./data-model/EntityDesigner.js'));
const FormDesigner = lazy(() => import('./form-designer/FormDesigner.js'));
const AppDesigner = lazy(() => import('./app-designer/AppDesigner.js'));
// React Flow and elkjs load only with the flow designer. Opened at a flow's address (a link, a
// reload), its chunks load while the sign-in is checked, and the flow shows as soon as it arrives.
const flowDesigner = lazyRoute(() => import('./flow-designer/FlowDesigner.js'));
const FlowDesigner = flowDesigner.Page;
if (/^\/designer\/flow\//.test(window.location.pathname)) void flowDesigner.preload();
const DecisionDesigner = lazy(() => import('./decision/DecisionDesigner.js'));
// The report engine's check runs in the browser: it loads with the report designer.
const ReportDesigner = lazy(() => import('./report-designer/ReportDesigner.js'));
// react-grid-layout loads only with the dashboard designer (ECharts later still, with a widget's first chart).
const DashboardDesigner = lazy(() => import('./dashboard-designer/DashboardDesigner.js'));
// The automation designer (trigger, actions, test run, runs).
const AutomationDesigner = lazy(() => import('./automation/AutomationDesigner.js'));
// Administration (users, roles, keys) is for administrators only: its own chunk.
const AdminArea = lazy(() => import('./admin/AdminArea.js'));

// A data router: editors block in-app navigation while they hold unsaved changes.
const router = createBrowserRouter(
  createRoutesFromElements(
    <Route element={<DesignerLayout />}>
      <Route index element={<ArtifactList />} />
      <Route path="entity/:key" element={<Suspense fallback={<Loading />}><EntityDesigner /></Suspense>} />
      <Route path="form/:key" element={<Suspense fallback={<Loading />}><FormDesigner /></Suspense>} />
      <Route path="app/:key" element={<Suspense fallback={<Loading />}><AppDesigner /></Suspense>} />
      <Route path="flow/:key" element={<Suspense fallback={<Loading />}><FlowDesigner /></Suspense>} />
      <Route path="decision/:key" element={<Suspense fallback={<Loading />}><DecisionDesigner /></Suspense>} />
      <Route path="report/:key" element={<Suspense fallback={<Loading />}><ReportDesigner /></Suspense>} />
      <Route path="dashboard/:key" element={<Suspense fallback={<Loading />}><DashboardDesigner /></Suspense>} />
      <Route path="automation/:key" element={<Suspense fallback={<Loading />}><AutomationDesigner /></Suspense>} />
      <Route path="admin/*" element={<Suspense fallback={<Loading />}><AdminArea /></Suspense>} />
      <Route path="*" element={<NotFound />} />
    </Route>,
  ),
  { basename: '/designer' },
);

export function App() {
  return <RouterProvider router={router} />;
}
