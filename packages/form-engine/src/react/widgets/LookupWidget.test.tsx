// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SelectOption } from '@bankforge/data-model';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';
import type { LookupSource } from './widget-props.js';

afterEach(cleanup);

const user = userEvent.setup();

const BRANCHES: SelectOption[] = [
  { value: 'b-sh', label: { en: 'Shanghai Pudong', 'zh-CN': '上海浦东支行' } },
  { value: 'b-sz', label: { en: 'Shenzhen Futian', 'zh-CN': '深圳福田支行' } },
  { value: 'b-bj', label: { en: 'Beijing Xicheng', 'zh-CN': '北京西城支行' } },
];

/** A records API stand-in: matches labels by the search text, or ids by an `id eq` filter. */
function branchSearch(calls: Array<{ source: LookupSource; search: string }>) {
  return async (source: LookupSource, search: string): Promise<SelectOption[]> => {
    calls.push({ source, search });
    const filter = source.filter;
    if (filter && 'field' in filter && filter.field === 'id') return BRANCHES.filter((b) => b.value === filter.value);
    return BRANCHES.filter((b) => b.label.en.toLowerCase().includes(search.toLowerCase()));
  };
}

const branch = field('branch', 'reference', { reference: { entity: 'branch' } });
const source: LookupSource = { entity: 'branch', labelField: 'name' };

describe('LookupWidget', () => {
  it('searches once typing pauses and chooses with the keyboard, without submitting', async () => {
    const calls: Array<{ source: LookupSource; search: string }> = [];
    const seen: unknown[] = [];
    let submitted = 0;
    render(
      <form onSubmit={(event) => (event.preventDefault(), submitted++)}>
        <FieldHost field={branch} seen={seen} lookup={source} loadOptions={branchSearch(calls)} />
      </form>,
    );
    const box = screen.getByRole('combobox', { name: 'Label branch' });
    await user.type(box, 'sh');
    expect(await screen.findByRole('option', { name: 'Shanghai Pudong' })).toBeTruthy();
    // One search for the paused text, not one per keystroke.
    expect(calls.map((call) => call.search)).toEqual(['sh']);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(seen).toEqual(['b-sz']);
    expect(box).toHaveProperty('value', 'Shenzhen Futian');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(submitted).toBe(0);
  });

  it('shows the label of a stored id, and Escape restores it', async () => {
    const calls: Array<{ source: LookupSource; search: string }> = [];
    render(<FieldHost field={branch} seen={[]} initial="b-bj" lookup={source} loadOptions={branchSearch(calls)} locale="zh-CN" />);
    const box = screen.getByRole('combobox', { name: '标签branch' });
    await screen.findByDisplayValue('北京西城支行');
    expect(calls[0]?.source.filter).toEqual({ field: 'id', op: 'eq', value: 'b-bj' });
    await user.type(box, 'x');
    await user.keyboard('{Escape}');
    expect(box).toHaveProperty('value', '北京西城支行');
  });

  it('says when nothing matches, and clearing the text clears the value', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={branch} seen={seen} initial="b-sh" lookup={source} loadOptions={branchSearch([])} />);
    const box = screen.getByRole('combobox', { name: 'Label branch' });
    await screen.findByDisplayValue('Shanghai Pudong');
    await user.clear(box);
    expect(seen).toEqual([null]);
    await user.type(box, 'zzz');
    expect(await screen.findByText('No options')).toBeTruthy();
  });

  it('chooses with the mouse', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={branch} seen={seen} lookup={source} loadOptions={branchSearch([])} />);
    await user.click(screen.getByRole('combobox', { name: 'Label branch' }));
    await user.keyboard('{ArrowDown}');
    await user.click(await screen.findByRole('option', { name: 'Beijing Xicheng' }));
    expect(seen).toEqual(['b-bj']);
  });
});
