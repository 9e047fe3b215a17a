// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
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

  it("offers the field's bounds in the user's local time", () => {
    render(<FieldHost field={{ ...field('meeting_at', 'datetime'), min: '2026-01-05T01:00:00.000Z', max: '2026-01-05T09:30:00.000Z' }} seen={[]} />);
    const input = screen.getByLabelText('Label meeting_at');
    const local = (iso: string) => {
      const d = new Date(iso);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    };
    expect([input.getAttribute('min'), input.getAttribute('max')]).toEqual([local('2026-01-05T01:00:00.000Z'), local('2026-01-05T09:30:00.000Z')]);
    cleanup();
    render(<FieldHost field={field('contacted_at', 'datetime')} seen={[]} />);
    expect(screen.getByLabelText('Label contacted_at').hasAttribute('min')).toBe(false);
  });
});
