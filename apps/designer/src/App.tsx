import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ArtifactList } from './shell/ArtifactList.js';
import { DesignerLayout } from './shell/DesignerLayout.js';
import { Loading } from './shell/Loading.js';
import { NotFound } from './shell/NotFound.js';

// Each designer is its own chunk: the artifact list loads fast, Monaco only with the form designer's FEEL editor.
const EntityDesigner = lazy(() => import('./data-model/EntityDesigner.js'));
const FormDesigner = lazy(() => import('./form-designer/FormDesigner.js'));

export function App() {
  return (
    <BrowserRouter basename="/designer">
      <Routes>
        <Route element={<DesignerLayout />}>
          <Route index element={<ArtifactList />} />
          <Route path="entity/:key" element={<Suspense fallback={<Loading />}><EntityDesigner /></Suspense>} />
          <Route path="form/:key" element={<Suspense fallback={<Loading />}><FormDesigner /></Suspense>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
