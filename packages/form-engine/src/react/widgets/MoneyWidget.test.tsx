// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('MoneyWidget', () => {
  const balance = field('balance', 'money', { currencies: ['CNY', 'USD'] });

  it('keeps "1234.50" exact, as a string, with the chosen currency', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={balance} seen={seen} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');
    await user.type(screen.getByLabelText('Label balance'), '1234.50');
    expect(seen.at(-1)).toEqual({ amount: '1234.50', currency: 'USD' });
    await user.tab();
    expect(screen.getByLabelText('Label balance')).toHaveProperty('value', '1234.50');
  });

  it('pads to the scale on leaving the field, and never rounds', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={balance} initial={{ amount: '0.00', currency: 'CNY' }} seen={seen} />);
    const amount = screen.getByLabelText('Label balance');
    await user.clear(amount);
    await user.type(amount, '99999999999999.9');
    expect(seen.at(-1)).toEqual({ amount: '99999999999999.90', currency: 'CNY' });
    expect(amount).toHaveProperty('value', '99999999999999.9');
    await user.tab();
    expect(amount).toHaveProperty('value', '99999999999999.90');
    await user.type(amount, '1');
    expect(seen.at(-1)).toEqual({ amount: '99999999999999.901', currency: 'CNY' });
    expect(screen.getByText('Use at most 2 decimal places')).toBeTruthy();
  });

  it('presets the only allowed currency and is no value when emptied', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('fee', 'money', { currencies: ['CNY'] })} seen={seen} />);
    const amount = screen.getByLabelText('Label fee');
    await user.type(amount, '5');
    expect(seen.at(-1)).toEqual({ amount: '5.00', currency: 'CNY' });
    await user.clear(amount);
    expect(seen.at(-1)).toBeNull();
  });
});
