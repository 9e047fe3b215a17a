// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@bankforge/data-model';
import { field } from '@bankforge/data-model/testing';
import { FieldHost } from '../test-support/FieldHost.js';
import { renderToStaticMarkup } from 'react-dom/server';
import { TagChips } from './TagChip.js';

const renderToString = (f: FieldDefinition, values: string[]) => renderToStaticMarkup(<TagChips options={f.options ?? []} values={values} locale="en" />);

afterEach(cleanup);

const user = userEvent.setup();

const tags: FieldDefinition = field('tags', 'multiSelect', {
  display: 'tags',
  options: [
    { value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' }, color: 'purple' },
    { value: 'churn_risk', label: { en: 'Churn risk', 'zh-CN': '流失风险' }, color: 'red' },
    { value: 'online', label: { en: 'Prefers online', 'zh-CN': '偏好线上' } },
  ],
});

describe('TagsWidget (a multiSelect shown as tags)', () => {
  it('toggles coloured chips from the keyboard, keeping the options order', async () => {
    const seen: unknown[] = [];
    render(<FieldHost field={tags} seen={seen} />);
    const group = screen.getByRole('group', { name: 'Label tags' });
    const risk = within(group).getByRole('button', { name: 'Churn risk' });
    expect(risk.className).toContain('bf-tag-red');
    expect(within(group).getByRole('button', { name: 'Prefers online' }).className).toContain('bf-tag-grey');
    risk.focus();
    await user.keyboard(' ');
    expect(risk.getAttribute('aria-pressed')).toBe('true');
    await user.click(within(group).getByRole('button', { name: 'VIP' }));
    expect(seen.at(-1)).toEqual(['vip', 'churn_risk']);
    await user.click(risk);
    await user.click(within(group).getByRole('button', { name: 'VIP' }));
    expect(seen.at(-1)).toBeNull();
  });

  it('read only, shows the record’s tags alone as chips in the reader’s language', () => {
    render(<FieldHost field={tags} seen={[]} initial={['churn_risk']} locale="zh-CN" readOnly />);
    const group = screen.getByRole('group');
    expect(within(group).queryByRole('button')).toBeNull();
    const chip = within(group).getByText('流失风险');
    expect(chip.className).toBe('bf-tag bf-tag-red');
    expect(within(group).queryByText('贵宾')).toBeNull();
  });

  it('makes a class only from a palette name, so an option cannot carry CSS', () => {
    const hostile = { ...tags, options: [{ value: 'x', label: { en: 'X', 'zh-CN': 'X' }, color: 'red;background:url(evil)' as 'red' }] };
    expect(renderToString(hostile, ['x'])).toBe('<span class="bf-tags"><span class="bf-tag bf-tag-grey">X</span></span>');
  });
});
