import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n.js';
import { LeaveGuard } from './LeaveGuard.js';

function Editor() {
  const [dirty, setDirty] = useState(false);
  return (
    <main>
      <LeaveGuard dirty={dirty} />
      <button type="button" onClick={() => setDirty(true)}>
        edit
      </button>
      <Link to="/elsewhere">away</Link>
      <Link to="/editor?tab=versions">same page</Link>
    </main>
  );
}

function renderEditor() {
  const router = createMemoryRouter(
    [
      { path: '/editor', element: <Editor /> },
      { path: '/elsewhere', element: <p>arrived</p> },
    ],
    { initialEntries: ['/editor'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('LeaveGuard', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(cleanup);

  it('lets a saved editor go without asking', () => {
    renderEditor();
    fireEvent.click(screen.getByRole('link', { name: 'away' }));
    expect(screen.getByText('arrived')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before leaving unsaved changes: staying keeps the page, leaving goes', () => {
    const router = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'edit' }));
    fireEvent.click(screen.getByRole('link', { name: 'away' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave without saving?' });
    expect(dialog.textContent).toContain('You have unsaved changes. Leave anyway?');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay and keep editing' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stay and keep editing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/editor');

    fireEvent.click(screen.getByRole('link', { name: 'away' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(router.state.location.pathname).toBe('/editor');

    fireEvent.click(screen.getByRole('link', { name: 'away' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave without saving' }));
    expect(screen.getByText('arrived')).toBeTruthy();
  });

  it('does not ask when only the query of the same page changes', () => {
    const router = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'edit' }));
    fireEvent.click(screen.getByRole('link', { name: 'same page' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.search).toBe('?tab=versions');
  });
});
