// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('DateWidget', () => {
  it('is typed as text in the UI language and stores YYYY-MM-DD', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('birthday', 'date')} seen={seen} locale="zh-CN" />);
    const input = screen.getByRole('textbox', { name: '标签birthday' });
    expect(input.getAttribute('type')).toBe('text');
    expect(input.getAttribute('placeholder')).toBe('YYYY/MM/DD');
    await user.type(input, '1990/5/17');
    expect(seen.at(-1)).toBe('1990-05-17');
    await user.tab();
    expect((input as HTMLInputElement).value).toBe('1990/05/17');
  });

  it("shows a stored date in the English locale's order in English", () => {
    render(<FieldHost field={field('birthday', 'date')} seen={[]} initial="1990-05-17" />);
    expect((screen.getByRole('textbox', { name: 'Label birthday' }) as HTMLInputElement).value).toBe('05/17/1990');
  });

  it('says how to write a date that cannot be read, and sends nothing for it', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('birthday', 'date')} seen={seen} locale="zh-CN" />);
    await user.type(screen.getByRole('textbox', { name: '标签birthday' }), '1990/13/01');
    expect(screen.getByText('请按 YYYY/MM/DD 输入日期')).toBeTruthy();
    expect(seen.filter((v) => typeof v === 'string')).toEqual([]);
  });

  it('picks a date from a calendar with the keyboard, weeks from Monday in Chinese', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('birthday', 'date')} seen={seen} locale="zh-CN" initial="1990-05-17" />);
    await user.click(screen.getByRole('button', { name: '选择日期 标签birthday' }));
    const calendar = screen.getByRole('dialog', { name: '选择日期' });
    expect(within(calendar).getByText('1990年5月')).toBeTruthy();
    expect(within(calendar).getAllByRole('columnheader')[0]?.textContent).toBe('周一');
    expect(document.activeElement?.getAttribute('data-date')).toBe('1990-05-17');
    await user.keyboard('{ArrowRight}{ArrowDown}{PageDown}{Enter}');
    expect(seen.at(-1)).toBe('1990-06-25');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByRole('textbox', { name: '标签birthday' }) as HTMLInputElement).value).toBe('1990/06/25');
  });

  it('keeps days outside the bounds from being picked, and closes on Escape', async () => {
    render(<FieldHost field={field('due', 'date', { min: '2026-07-10', max: '2026-07-20' })} seen={[]} initial="2026-07-15" />);
    await user.click(screen.getByRole('button', { name: /Choose a date/ }));
    const calendar = screen.getByRole('dialog', { name: 'Choose a date' });
    expect((within(calendar).getByRole('button', { name: /July 9, 2026/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(calendar).getByRole('button', { name: /July 10, 2026/ }) as HTMLButtonElement).disabled).toBe(false);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers no calendar when read-only', () => {
    render(<FieldHost field={field('birthday', 'date')} seen={[]} initial="1990-05-17" readOnly />);
    expect(screen.queryByRole('button')).toBeNull();
    // Nor how to write a date: on a field nobody may write, it would read as a value.
    expect(screen.getByRole('textbox').getAttribute('placeholder')).toBeNull();
  });
});
