import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog } from './Dialog.js';

afterEach(cleanup);

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Open</button>
      {open && (
        <Dialog title="New entity" onClose={() => setOpen(false)}>
          <input aria-label="Key" />
          <button type="button">Create</button>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('takes focus, keeps Tab inside, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('dialog', { name: 'New entity' })).toBeTruthy();
    // The page behind is out of reach while the dialog is open.
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Key'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Key'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }));
  });

  it('keeps a busy dialog open on Escape: the request it sent is still under way', async () => {
    let closed = 0;
    render(
      <Dialog title="Approve" busy onClose={() => closed++}>
        <button type="button">Approve</button>
      </Dialog>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole('dialog', { name: 'Approve' }).getAttribute('aria-busy')).toBe('true');
    await user.keyboard('{Escape}');
    expect(closed).toBe(0);
    expect(screen.getByRole('dialog', { name: 'Approve' })).toBeTruthy();
  });

  it('cycles Tab over what Tab reaches: not an input taken out of the Tab order nor one in a hidden part', async () => {
    const user = userEvent.setup();
    render(
      <Dialog title="Column" onClose={() => undefined}>
        <input aria-label="Label" />
        <button type="button">Apply</button>
        {/* As a code editor leaves them: its input-method box out of the Tab order, a part not yet shown. */}
        <textarea aria-label="Input method" tabIndex={-1} readOnly />
        <div hidden>
          <input aria-label="Not yet shown" />
        </div>
      </Dialog>,
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Label'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Apply' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Label'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Apply' }));
  });

  it('leaves a code editor’s page-wide layers live, and makes the rest of the page inert', () => {
    const layer = document.createElement('div');
    layer.className = 'context-view';
    const page = document.createElement('main');
    document.body.append(page, layer);
    const { unmount } = render(
      <Dialog title="Webhook" onClose={() => undefined}>
        <button type="button">Save</button>
      </Dialog>,
    );
    expect(page.inert).toBe(true);
    expect(page.getAttribute('aria-hidden')).toBe('true');
    expect(layer.inert).not.toBe(true);
    expect(layer.hasAttribute('aria-hidden')).toBe(false);
    unmount();
    expect(page.inert).not.toBe(true);
    page.remove();
    layer.remove();
  });
});
