import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { EntityListPage } from './entity-list/EntityListPage.js';
import { LoginPage } from './login/LoginPage.js';
import { AppHome, AppIndex } from './shell/apps/AppHome.js';
import { Loading } from './shell/Loading.js';
import { NotFound } from './shell/NotFound.js';
import { RuntimeLayout } from './shell/RuntimeLayout.js';

// The record page (form engine, FEEL runtime, renderer) is its own chunk: lists open fast.
const RecordPage = lazy(() => import('./record/RecordPage.js'));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RuntimeLayout />}>
          <Route index element={<AppHome />} />
          <Route path=":app" element={<AppIndex />} />
          <Route path=":app/:entity" element={<EntityListPage />} />
          <Route path=":app/:entity/new" element={<Suspense fallback={<Loading />}><RecordPage /></Suspense>} />
          <Route path=":app/:entity/:id" element={<Suspense fallback={<Loading />}><RecordPage /></Suspense>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
