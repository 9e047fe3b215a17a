// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('CheckboxWidget', () => {
  it('stores true and false', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('vip', 'boolean')} seen={seen} />);
    await user.click(screen.getByLabelText('Label vip'));
    await user.click(screen.getByLabelText('Label vip'));
    expect(seen).toEqual([true, false]);
  });

  it('is a switch when asked, toggled with Space', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('vip', 'boolean')} widget="switch" seen={seen} />);
    const toggle = screen.getByRole('switch', { name: 'Label vip' });
    toggle.focus();
    await user.keyboard(' ');
    expect(seen).toEqual([true]);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });
});
