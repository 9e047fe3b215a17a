// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '../../test-support/fixtures.js';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('DatetimeWidget', () => {
  it('stores a local date-time as a UTC instant', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('contacted_at', 'datetime')} seen={seen} />);
    const input = screen.getByLabelText('Label contacted_at');
    expect(input.getAttribute('type')).toBe('datetime-local');
    await user.type(input, '2024-03-01T10:30');
    expect(seen.at(-1)).toBe(new Date('2024-03-01T10:30').toISOString());
  });
});
