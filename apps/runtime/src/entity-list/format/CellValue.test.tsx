// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@bankforge/data-model';
import { CellValue } from './CellValue.js';

afterEach(cleanup);

const tags: FieldDefinition = {
  id: 'f_tags',
  key: 'tags',
  type: 'multiSelect',
  label: { en: 'Tags', 'zh-CN': '标签' },
  display: 'tags',
  options: [
    { value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' }, color: 'purple' },
    { value: 'churn_risk', label: { en: 'Churn risk', 'zh-CN': '流失风险' }, color: 'red' },
  ],
};

const format = { language: 'en' as const, yes: 'Yes', no: 'No' };

describe('CellValue', () => {
  it('shows a tags field as coloured chips in the reader’s language', () => {
    render(<CellValue value={['churn_risk', 'vip']} field={tags} format={{ ...format, language: 'zh-CN' }} />);
    expect(screen.getByText('流失风险').className).toBe('bf-tag bf-tag-red');
    expect(screen.getByText('贵宾').className).toBe('bf-tag bf-tag-purple');
  });

  it('shows a value no option has as given, grey', () => {
    render(<CellValue value={['retired_tag']} field={tags} format={format} />);
    expect(screen.getByText('retired_tag').className).toBe('bf-tag bf-tag-grey');
  });

  it('writes a plain multiSelect as text, as before', () => {
    const { container } = render(<CellValue value={['vip', 'churn_risk']} field={{ ...tags, display: undefined }} format={format} />);
    expect(container.textContent).toBe('VIP, Churn risk');
    expect(container.querySelector('.bf-tag')).toBeNull();
  });
});
