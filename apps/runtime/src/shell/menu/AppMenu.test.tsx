import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initTestI18n } from '../../testing/i18n.js';
import { AppMenu } from './AppMenu.js';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const page = (entity: string, en: string, zh: string) => ({ entity, label: text(en, zh), pluralLabel: text(en, zh) });
const crm = {
  key: 'crm',
  label: text('Bank CRM', '银行客户管理'),
  menu: [page('customer', 'Customers', '客户'), page('opportunity', 'Opportunities', '商机'), page('lead', 'Leads', '线索'), page('campaign_contact', 'Campaign contacts', '营销触达')],
};

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderMenu(path = '/crm/customer') {
  render(
    <MemoryRouter initialEntries={[path]}>
      <AppMenu app={crm} />
      <Where />
    </MemoryRouter>,
  );
}

/** A header 350 px wide for the menu, every page and More 100 px: two pages and More fit. */
function narrowHeader() {
  vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(350);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ width: 100, height: 30 }));
}

beforeEach(() => initTestI18n('en'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('AppMenu', () => {
  it('shows every page when the header has room', () => {
    renderMenu();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Customers', 'Opportunities', 'Leads', 'Campaign contacts']);
    expect(within(nav).queryByRole('button', { name: 'More' })).toBeNull();
  });

  it('puts the pages with no room under More, opened and walked by keyboard, Escape back to the button', async () => {
    narrowHeader();
    renderMenu();
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Customers', 'Opportunities']);
    const more = within(nav).getByRole('button', { name: 'More' });
    expect(more.getAttribute('aria-expanded')).toBe('false');

    more.focus();
    await user.keyboard('{ArrowDown}');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const list = within(nav).getByRole('list', { name: 'More pages' });
    expect(document.activeElement).toBe(within(list).getByRole('link', { name: 'Leads' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(list).getByRole('link', { name: 'Campaign contacts' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(list).getByRole('link', { name: 'Leads' }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(within(list).getByRole('link', { name: 'Campaign contacts' }));
    await user.keyboard('{Escape}');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(more);

    // Enter on a page opens it, closes the list, and marks More as holding the page shown.
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Campaign contacts');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('where').textContent).toBe('/crm/campaign_contact');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.className).toContain('active');
  });

  it('opens More with a click, closes it with a click elsewhere, and reads Chinese', async () => {
    narrowHeader();
    await initTestI18n('zh-CN');
    renderMenu();
    const user = userEvent.setup();
    const more = screen.getByRole('button', { name: '更多' });
    await user.click(more);
    expect(within(screen.getByRole('list', { name: '更多页面' })).getAllByRole('link').map((link) => link.textContent)).toEqual(['线索', '营销触达']);
    await user.click(screen.getByTestId('where'));
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });
});
