// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field, options } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('MultiSelectWidget', () => {
  it('stores the selected values as an array', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('tags', 'multiSelect', { options: options('a', 'b', 'c') })} seen={seen} />);
    const list = screen.getByLabelText('Label tags');
    await user.selectOptions(list, ['a', 'c']);
    expect(seen.at(-1)).toEqual(['a', 'c']);
    await user.deselectOptions(list, ['a', 'c']);
    expect(seen.at(-1)).toBeNull();
  });
});
