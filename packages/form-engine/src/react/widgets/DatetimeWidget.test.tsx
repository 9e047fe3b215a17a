// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('DatetimeWidget', () => {
  it('stores a local date and time, typed in the UI language, as a UTC instant', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('contacted_at', 'datetime')} seen={seen} locale="zh-CN" />);
    const input = screen.getByLabelText('标签contacted_at');
    expect(input.getAttribute('type')).toBe('text');
    expect(input.getAttribute('placeholder')).toBe('YYYY/MM/DD HH:mm');
    await user.type(input, '2024/3/1 10:30');
    expect(seen.at(-1)).toBe(new Date('2024-03-01T10:30').toISOString());
    await user.tab();
    expect((input as HTMLInputElement).value).toBe('2024/03/01 10:30');
  });

  it("shows a stored instant in the reader's local time, month first in English", () => {
    const stored = new Date('2024-03-01T10:30').toISOString();
    render(<FieldHost field={field('contacted_at', 'datetime')} seen={[]} initial={stored} />);
    expect((screen.getByLabelText('Label contacted_at') as HTMLInputElement).value).toBe('03/01/2024 10:30');
  });

  it('says how to write one that cannot be read, and sends nothing for it', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('contacted_at', 'datetime')} seen={seen} />);
    await user.type(screen.getByLabelText('Label contacted_at'), '03/01/2024 25:00');
    expect(screen.getByText('Enter a date as MM/DD/YYYY HH:mm')).toBeTruthy();
    expect(seen.filter((v) => typeof v === 'string')).toEqual([]);
  });
});
