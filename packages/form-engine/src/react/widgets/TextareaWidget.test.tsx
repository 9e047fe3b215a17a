// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('TextareaWidget', () => {
  it('keeps line breaks', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('notes', 'longText')} seen={seen} />);
    const notes = screen.getByLabelText('Label notes');
    expect(notes.tagName).toBe('TEXTAREA');
    await user.type(notes, 'one{Enter}two');
    expect(seen.at(-1)).toBe('one\ntwo');
  });
});
