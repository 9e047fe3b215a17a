// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('TextWidget', () => {
  it('sends typed text and no value once emptied', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('name', 'text')} seen={seen} />);
    const name = screen.getByLabelText('Label name');
    await user.type(name, 'Wang');
    expect(seen.at(-1)).toBe('Wang');
    await user.clear(name);
    expect(seen.at(-1)).toBeNull();
  });

  it('gives each kind its input type and keyboard', () => {
    render(
      <>
        <FieldHost field={field('email', 'email')} seen={[]} />
        <FieldHost field={field('mobile', 'mobile')} seen={[]} />
        <FieldHost field={field('resident_id', 'residentId')} seen={[]} />
        <FieldHost field={field('homepage', 'url')} seen={[]} />
      </>,
    );
    expect(screen.getByLabelText('Label email').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('Label mobile').getAttribute('inputmode')).toBe('tel');
    expect(screen.getByLabelText('Label resident_id').getAttribute('maxlength')).toBe('18');
    expect(screen.getByLabelText('Label homepage').getAttribute('type')).toBe('url');
  });

  it('does not take typing when read-only', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('name', 'text')} seen={seen} initial="Li" readOnly />);
    await user.type(screen.getByLabelText('Label name'), 'x');
    expect(seen).toEqual([]);
    expect(screen.getByLabelText('Label name')).toHaveProperty('value', 'Li');
  });
});
