// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { compileForm } from '../../form/compile-form.js';
import { FormModel } from '../../form/form-model.js';
import { contactEntity as contact, customerEntity as customer } from '@bankforge/data-model/testing';
import { customerForm } from '../../testing/index.js';
import { useFormState } from './use-form-state.js';

afterEach(cleanup);

function AnnualIncome({ model }: { model: FormModel }) {
  const state = useFormState(model);
  return <output>{String(state.values['annual_income'])}</output>;
}

describe('useFormState', () => {
  it('re-renders with each new state of the model', () => {
    const model = FormModel.forNewRecord(compileForm(customerForm, { customer, contact }));
    const renders = { count: 0 };
    render(
      <Profiler id="annual-income" onRender={() => void renders.count++}>
        <AnnualIncome model={model} />
      </Profiler>,
    );
    expect(screen.getByRole('status').textContent).toBe('null');
    act(() => void model.setValue('/monthly_income', '100.00'));
    expect(screen.getByRole('status').textContent).toBe('1200.00');
    const rendered = renders.count;
    act(() => void model.setValue('/monthly_income', '100.00'));
    // The same value again changes nothing the component shows, yet the state object is new: one more render, no more.
    expect(renders.count - rendered).toBeLessThanOrEqual(1);
  });
});
