import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '@bankforge/app-shell';
import { DayInput } from './DayInput.js';

afterEach(cleanup);

function Host({ language, initial = '', seen }: { language: Language; initial?: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <DayInput
      label="Onboarded from"
      value={value}
      language={language}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

describe('DayInput', () => {
  it('shows and reads days as the UI language writes them, never the browser format', async () => {
    const seen: string[] = [];
    render(<Host language="zh-CN" initial="2026-07-05" seen={seen} />);
    const box = screen.getByRole('textbox', { name: 'Onboarded from' }) as HTMLInputElement;
    expect(box.value).toBe('2026/07/05');
    expect(box.placeholder).toBe('YYYY/MM/DD');
    const user = userEvent.setup();
    await user.clear(box);
    expect(seen.at(-1)).toBe('');
    await user.type(box, '2025/1/31');
    expect(seen.at(-1)).toBe('2025-01-31');
    await user.tab();
    expect(box.value).toBe('2025/01/31');
  });

  it('keeps text that names no day, marked invalid, and changes nothing', async () => {
    const seen: string[] = [];
    render(<Host language="en" initial="2026-07-05" seen={seen} />);
    const box = screen.getByRole('textbox', { name: 'Onboarded from' }) as HTMLInputElement;
    expect(box.value).toBe('07/05/2026');
    const user = userEvent.setup();
    await user.clear(box);
    await user.type(box, '13/45/2026');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(seen.at(-1)).toBe('');
  });
});
