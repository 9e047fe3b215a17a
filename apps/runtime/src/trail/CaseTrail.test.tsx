import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewEntry, submittedEntry } from '../testing/approvals.js';
import { initTestI18n } from '../testing/i18n.js';
import { CaseTrail } from './CaseTrail.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const approved = {
  seq: 3,
  at: '2026-03-03T06:30:00Z',
  action: 'approve',
  actor: { id: 'u-co', name: 'Zhang Min' },
  nodeId: 'review',
  nodeName: { en: 'Credit review', 'zh-CN': '信贷审查' },
  comment: 'Collateral checked.',
  text: { en: 'Approved', 'zh-CN': '已批准' },
};

describe('CaseTrail', () => {
  it('lists what happened oldest first: when, what, who, at which step, with the comment', () => {
    render(<CaseTrail entries={[submittedEntry, reviewEntry, approved]} />);
    const trail = screen.getByRole('region', { name: 'Approval trail' });
    const items = within(trail).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('Submitted for approval');
    expect(items[0]!.textContent).toContain('By Li Wei');
    expect(items[0]!.textContent).toContain('Urgent: the customer signs on Friday');
    expect(items[1]!.textContent).toContain('By the system');
    expect(items[1]!.textContent).toContain('Also: Zhang Min');
    expect(items[2]!.textContent).toContain('Approved');
    expect(items[2]!.textContent).toContain('Step: Credit review');
    expect(items[2]!.querySelector('time')!.getAttribute('dateTime')).toBe('2026-03-03T06:30:00Z');
    expect(items[2]!.querySelector('time')!.textContent).toMatch(/Mar 3, 2026/);
  });

  it('speaks Chinese: the server text, the step name and the date in the Chinese form', async () => {
    await initTestI18n('zh-CN');
    render(<CaseTrail entries={[approved]} />);
    const trail = screen.getByRole('region', { name: '审批记录' });
    expect(trail.textContent).toContain('已批准');
    expect(trail.textContent).toContain('操作人：Zhang Min');
    expect(trail.textContent).toContain('步骤：信贷审查');
    expect(trail.querySelector('time')!.textContent).toMatch(/2026\/03\/03/);
  });

  it('says when nothing happened yet', () => {
    render(<CaseTrail entries={[]} />);
    expect(screen.getByText('Nothing has happened on this case yet.')).toBeTruthy();
  });
});
