// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field, options } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

// jsdom 29 has no `CSS` interface, and user-event calls `CSS.escape` to find a radio's group on
// arrow keys. It quotes the result in an attribute selector, so escaping `"` and `\` suffices.
const page = document.defaultView as Window & { CSS?: { escape(value: string): string } };
page.CSS ??= { escape: (value) => value.replace(/["\\]/g, '\\$&') };

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
