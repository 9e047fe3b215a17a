import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from './i18n/languages.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { initPackageTestI18n } from './test-support/test-i18n.js';

beforeEach(() => initPackageTestI18n('en'));
afterEach(cleanup);

describe('LanguageSwitch', () => {
  it('names each language in itself, presses the current one and switches on click', async () => {
    render(<LanguageSwitch />);
    const group = screen.getByRole('group', { name: 'Language' });
    expect(group).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    const chinese = screen.getByRole('button', { name: '中文' });
    expect(chinese.getAttribute('aria-pressed')).toBe('false');
    expect(chinese.getAttribute('lang')).toBe('zh-CN');
    await userEvent.setup().click(chinese);
    expect(await screen.findByRole('group', { name: '语言' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});
