// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { contactEntity as contact, customerEntity as customer } from '@bankforge/data-model/testing';
import { compileForm } from '../../form/compile-form.js';
import { FormModel } from '../../form/form-model.js';
import type { FormValues } from '../../form/form-model-api.js';
import { customerForm } from '../../testing/index.js';
import { FormRenderer } from './FormRenderer.js';

afterEach(cleanup);

const compiled = compileForm(customerForm, { customer, contact });

describe('FormRenderer, read-only', () => {
  it('shows the record without letting it change: fields read-only, no rows added or removed, no submit', async () => {
    const seen: FormValues[] = [];
    const model = new FormModel(compiled, { name: 'Wang Fang', occupation: 'employed', contacts: [{ name: 'Li' }] });
    const { container } = render(<FormRenderer model={model} locale="en" readOnly onSubmit={(values) => seen.push(values)} submitLabel="Save" />);
    const name = screen.getByRole('textbox', { name: 'Full name' });
    expect([name.getAttribute('readonly'), (name as HTMLInputElement).value]).toEqual(['', 'Wang Fang']);
    expect(screen.getByLabelText('Contact name, row 1')).toHaveProperty('readOnly', true);
    expect(screen.queryByRole('button', { name: 'Add row' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove row 1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(container.querySelector('form')!.classList.contains('bf-form-readonly')).toBe(true);

    await userEvent.setup().type(name, ' Jr{Enter}');
    expect([model.state.values['name'], seen]).toEqual(['Wang Fang', []]);
  });
});
