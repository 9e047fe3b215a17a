import { customerEntity as customer } from '@bankforge/data-model/testing';
import type { FormDefinition } from '@bankforge/form-engine';
import { customerFormOf } from '@bankforge/form-engine/testing';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import FormPreview from './FormPreview.js';

const form = (employerRule: string): FormDefinition =>
  customerFormOf([
    {
      id: 'section_1',
      type: 'section',
      title: { en: 'Basics', 'zh-CN': '基本信息' },
      children: [
        { id: 'name', type: 'field', field: 'name' },
        { id: 'employer', type: 'field', field: 'employer', visibleWhen: employerRule },
      ],
    },
  ]);

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

describe('FormPreview', () => {
  it('draws the draft with the real renderer, rules applied, in the designer language', () => {
    render(<FormPreview form={form('name = "x"')} entities={{ customer }} language="zh-CN" nodeName={(id) => id} onShowNode={() => {}} />);
    expect(screen.getByRole('textbox', { name: /姓名/ })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /工作单位/ })).toBeNull();
    expect(screen.getByText('No problems: the form can be published.')).toBeTruthy();
  });

  it('lists what stops publishing, each leading to its node', async () => {
    const onShowNode = vi.fn();
    render(<FormPreview form={form('name =')} entities={{ customer }} language="en" nodeName={(id) => `the ${id} field`} onShowNode={onShowNode} />);
    const link = screen.getByRole('button', { name: /show the employer field/ });
    await userEvent.click(link);
    expect(onShowNode).toHaveBeenCalledWith('employer');
  });
});
