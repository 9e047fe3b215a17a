import { Outlet } from 'react-router-dom';

/** Placeholder: header, language switch and sign-in check arrive with the shell. */
export function DesignerLayout() {
  return <Outlet />;
}
