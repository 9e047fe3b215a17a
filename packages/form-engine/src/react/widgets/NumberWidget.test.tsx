// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('NumberWidget', () => {
  it('reads integers as numbers and reports fractions', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('age', 'integer')} seen={seen} />);
    const age = screen.getByLabelText('Label age');
    await user.type(age, '42');
    expect(seen.at(-1)).toBe(42);
    await user.type(age, '.5');
    expect(seen.at(-1)).toBe('42.5');
    expect(age.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number')).toBeTruthy();
  });

  it('keeps decimals as exact strings of the field scale and never uses a number input', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('rate', 'decimal', { scale: 6 })} seen={seen} />);
    const rate = screen.getByLabelText('Label rate');
    expect(rate.getAttribute('type')).toBe('text');
    expect(rate.getAttribute('inputmode')).toBe('decimal');
    await user.type(rate, '0.1');
    expect(seen.at(-1)).toBe('0.100000');
    await user.clear(rate);
    expect(seen.at(-1)).toBeNull();
  });

  it('shows percentages with a % sign and stores percentage points', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('share', 'percentage')} seen={seen} />);
    await user.type(screen.getByLabelText('Label share'), '12.5');
    expect(seen.at(-1)).toBe('12.5000');
    expect(screen.getByText('%')).toBeTruthy();
  });

  it('speaks Chinese for what cannot be a number', async () => {
    render(<FieldHost field={field('rate', 'decimal')} seen={[]} locale="zh-CN" />);
    await user.type(screen.getByLabelText('标签rate'), 'abc');
    expect(screen.getByText('请输入数字')).toBeTruthy();
  });

  it('follows a value changed from outside', () => {
    const { rerender } = render(<FieldHost field={field('rate', 'decimal')} seen={[]} initial="1.5000" />);
    expect(screen.getByLabelText('Label rate')).toHaveProperty('value', '1.5000');
    rerender(<FieldHost field={field('rate', 'decimal')} seen={[]} initial="1.5000" readOnly />);
    expect(screen.getByLabelText('Label rate')).toHaveProperty('readOnly', true);
  });
});
