// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SelectOption } from '@bankforge/data-model';
import { field, options } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';
import type { LookupSource } from './widget-props.js';

afterEach(cleanup);

const user = userEvent.setup();

describe('SelectWidget', () => {
  it('offers the options in the current locale, with an empty choice for no value', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('segment', 'singleSelect', { options: options('retail', 'private') })} seen={seen} locale="zh-CN" />);
    const select = screen.getByLabelText('标签segment');
    expect(screen.getByRole('option', { name: '请选择…' })).toBeTruthy();
    await user.selectOptions(select, 'private');
    await user.selectOptions(select, '');
    expect(seen).toEqual(['private', null]);
  });

  it('offers Yes and No for a yes/no field', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={field('vip', 'boolean')} widget="select" seen={seen} />);
    await user.selectOptions(screen.getByLabelText('Label vip'), 'No');
    expect(seen).toEqual([false]);
  });
});

describe('SelectWidget over a lookup source', () => {
  it('fetches the records once and offers them', async () => {
    const searches: string[] = [];
    const seen: unknown[] = [];
    const loadOptions = async (_source: LookupSource, search: string): Promise<SelectOption[]> => {
      searches.push(search);
      return [{ value: 'b-sh', label: { en: 'Shanghai', 'zh-CN': '上海' } }];
    };
    render(
      <FieldHost
        field={field('branch', 'reference', { reference: { entity: 'branch' } })}
        widget="select"
        lookup={{ entity: 'branch', labelField: 'name' }}
        loadOptions={loadOptions}
        seen={seen}
      />,
    );
    expect(screen.getByRole('option', { name: 'Loading…' })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Label branch'), await screen.findByRole('option', { name: 'Shanghai' }));
    expect(seen).toEqual(['b-sh']);
    expect(searches).toEqual(['']);
  });

  it('shows no "Select…" prompt on a read-only field without a value: it would read as a choice', () => {
    render(<FieldHost field={field('risk', 'singleSelect', { options: options('r1', 'r2') })} seen={[]} locale="zh-CN" readOnly />);
    expect(screen.queryByRole('option', { name: '请选择…' })).toBeNull();
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('');
  });
});
