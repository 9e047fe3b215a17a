// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field, options } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('CheckboxesWidget', () => {
  it('stores the ticked values in the options order, and no value when none is ticked', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('tags', 'multiSelect', { options: options('a', 'b', 'c') })} widget="checkboxes" seen={seen} />);
    expect(screen.getByRole('group', { name: 'Label tags' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'C' }));
    await user.click(screen.getByRole('checkbox', { name: 'A' }));
    expect(seen.at(-1)).toEqual(['a', 'c']);
    await user.click(screen.getByRole('checkbox', { name: 'A' }));
    await user.click(screen.getByRole('checkbox', { name: 'C' }));
    expect(seen.at(-1)).toBeNull();
  });
});
