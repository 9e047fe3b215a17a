// @vitest-environment node
import '../test-support/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field, options } from '../../test-support/fixtures.js';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('RadioWidget', () => {
  it('is a radiogroup named by the field label, moved through with arrow keys', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('segment', 'singleSelect', { options: options('retail', 'private', 'corporate') })} widget="radio" seen={seen} />);
    const group = screen.getByRole('radiogroup', { name: 'Label segment' });
    expect(group).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'RETAIL' }));
    await user.keyboard('{ArrowDown}');
    expect(seen).toEqual(['retail', 'private']);
  });
});
