// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('DateWidget', () => {
  it('stores a date as YYYY-MM-DD', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('birthday', 'date')} seen={seen} />);
    const input = screen.getByLabelText('Label birthday');
    expect(input.getAttribute('type')).toBe('date');
    await user.type(input, '1990-05-17');
    expect(seen.at(-1)).toBe('1990-05-17');
  });
});
