// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('JsonWidget', () => {
  it('stores parsed JSON and reports text that does not parse, keeping the last good value', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('extra', 'json')} seen={seen} />);
    const editor = screen.getByLabelText('Label extra');
    await user.click(editor);
    await user.paste('{"tier":1}');
    expect(seen.at(-1)).toEqual({ tier: 1 });
    await user.type(editor, '{Backspace}');
    expect(seen.at(-1)).toEqual({ tier: 1 });
    expect(editor).toHaveProperty('value', '{"tier":1');
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Invalid JSON')).toBeTruthy();
    await user.type(editor, '}}', { skipClick: true });
    expect(screen.queryByText('Invalid JSON')).toBeTruthy();
    await user.type(editor, '{Backspace}', { skipClick: true });
    expect(screen.queryByText('Invalid JSON')).toBeNull();
  });

  it('shows a stored value pretty-printed', () => {
    render(<FieldHost field={field('extra', 'json')} seen={[]} initial={{ a: [1] }} />);
    expect(screen.getByLabelText('Label extra')).toHaveProperty('value', '{\n  "a": [\n    1\n  ]\n}');
  });
});
