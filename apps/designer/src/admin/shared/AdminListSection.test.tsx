import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { AdminListSection } from './AdminListSection.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const row = (
  <tr>
    <td>CRM feed</td>
  </tr>
);

describe('AdminListSection', () => {
  it('names the section and its table by the heading, with the action, help and a live region for notices', () => {
    render(
      <AdminListSection
        title="Webhooks"
        action={<button type="button">New webhook</button>}
        help="Events sent out."
        notice={{ key: 'webhooks.enabled', values: { name: 'CRM feed' } }}
        empty={null}
        columns={['Name']}
      >
        {row}
      </AdminListSection>,
    );
    expect(screen.getByRole('region', { name: 'Webhooks' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Webhooks' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New webhook' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('The webhook CRM feed was enabled.');
  });

  it('says the empty state instead of the list, and has no live region when the page changes nothing', () => {
    render(
      <AdminListSection title="Imports" help="Every import." empty="No imports yet." columns={['File']}>
        {row}
      </AdminListSection>,
    );
    expect(screen.getByText('No imports yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says how to start an empty list under its empty state, and nothing of it once the list has rows', () => {
    const { rerender } = render(
      <AdminListSection title="Webhooks" help="Events sent out." empty="No webhooks yet." emptyHint="Choose New webhook to add one." columns={['Name']}>
        {row}
      </AdminListSection>,
    );
    expect(screen.getByText('No webhooks yet.')).toBeTruthy();
    expect(screen.getByText('Choose New webhook to add one.')).toBeTruthy();
    rerender(
      <AdminListSection title="Webhooks" help="Events sent out." empty={null} emptyHint="Choose New webhook to add one." columns={['Name']}>
        {row}
      </AdminListSection>,
    );
    expect(screen.getByRole('table', { name: 'Webhooks' })).toBeTruthy();
    expect(screen.queryByText('Choose New webhook to add one.')).toBeNull();
  });
});
