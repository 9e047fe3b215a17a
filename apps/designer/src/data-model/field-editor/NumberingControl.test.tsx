import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { NumberingControl } from './NumberingControl.js';

afterEach(cleanup);

/** 16:30 UTC on 31 July 2026: already 1 August in the bank's time zone. */
const NOW = new Date('2026-07-31T16:30:00Z');

function Host({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <NumberingControl value={value} problems={[]} onChange={setValue} now={NOW} />;
}

describe('NumberingControl', () => {
  it("previews this period's first numbers as the analyst types, in the bank's time zone", async () => {
    await initTestI18n('en');
    render(<Host initial="LA{yyyyMM}{seq:6}" />);
    expect(screen.getByText('Numbers look like LA202608000001, LA202608000002, … (up to 999,999 a month, restarting every month).')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'Numbering pattern' });
    await userEvent.setup().clear(box);
    await userEvent.setup().paste('C-{yy}-{seq:3}');
    expect(screen.getByText('Numbers look like C-26-001, C-26-002, … (up to 999 a year, restarting every year).')).toBeTruthy();
  });

  it('says why a pattern cannot be used, in the UI language', async () => {
    await initTestI18n('zh-CN');
    render(<Host initial="LA{MM}{seq:6}" />);
    expect(screen.getByText('该编号规则暂不可用：有 MM 而没有年份（yyyy 或 yy），每年会产生相同的编号。')).toBeTruthy();
    await initTestI18n('en');
  });
});
