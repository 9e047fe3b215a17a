import { cleanup, render, renderHook } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDesignerShortcuts } from './useDesignerShortcuts.js';

afterEach(cleanup);

function setup() {
  const actions = { undo: vi.fn(), redo: vi.fn(), save: vi.fn() };
  renderHook(() => useDesignerShortcuts(actions));
  return { actions, user: userEvent.setup() };
}

describe('useDesignerShortcuts', () => {
  it('maps Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and Cmd+Z to undo and redo', async () => {
    const { actions, user } = setup();
    await user.keyboard('{Control>}z{/Control}');
    expect(actions.undo).toHaveBeenCalledTimes(1);
    await user.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    await user.keyboard('{Control>}y{/Control}');
    expect(actions.redo).toHaveBeenCalledTimes(2);
    await user.keyboard('{Meta>}z{/Meta}');
    expect(actions.undo).toHaveBeenCalledTimes(2);
  });

  it('saves on Ctrl+S and stops the browser saving the page', () => {
    const { actions } = setup();
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true });
    window.dispatchEvent(event);
    expect(actions.save).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves undo to a text input being typed in, but still saves from it', async () => {
    const { actions, user } = setup();
    render(<input aria-label="Title" />);
    await user.click(document.querySelector('input')!);
    await user.keyboard('{Control>}z{/Control}');
    expect(actions.undo).not.toHaveBeenCalled();
    await user.keyboard('{Control>}s{/Control}');
    expect(actions.save).toHaveBeenCalledTimes(1);
  });

  it('leaves undo to Monaco', async () => {
    const { actions, user } = setup();
    render(<div className="monaco-editor"><div tabIndex={0} data-testid="editor-surface" /></div>);
    await user.click(document.querySelector('[data-testid="editor-surface"]')!);
    await user.keyboard('{Control>}z{/Control}');
    expect(actions.undo).not.toHaveBeenCalled();
  });

  it('undoes from a checkbox, which has no text undo of its own', async () => {
    const { actions, user } = setup();
    render(<input type="checkbox" aria-label="Required" />);
    await user.click(document.querySelector('input')!);
    await user.keyboard('{Control>}z{/Control}');
    expect(actions.undo).toHaveBeenCalledTimes(1);
  });
});
