import type { RuntimeApp } from '@bankforge/client';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crmApp } from '../../testing/approvals.js';
import { initTestI18n } from '../../testing/i18n.js';
import { renderRoute, where } from '../../testing/render-route.js';
import { AppHome, AppIndex } from './AppHome.js';

beforeEach(() => initTestI18n('en'));
afterEach(cleanup);

const customers = { entity: 'customer', label: { en: 'Customer', 'zh-CN': '客户' }, pluralLabel: { en: 'Customers', 'zh-CN': '客户' } };
const rmApp: RuntimeApp = { ...crmApp, menu: [customers, ...crmApp.menu], landing: { entity: 'customer' } };

describe('where the runtime opens', () => {
  it("opens the only app where the reader's role works: an RM on their customers", async () => {
    renderRoute(<AppHome />, { path: '/', pattern: '/', routes: {}, apps: [rmApp] });
    await screen.findByTestId('where');
    expect(where()).toBe('/crm/customer');
  });

  it('opens a credit officer on their inbox, and compliance on the audit log', () => {
    renderRoute(<AppHome />, { path: '/', pattern: '/', routes: {}, apps: [{ ...crmApp, landing: { page: 'inbox' } }] });
    expect(where()).toBe('/inbox');
    cleanup();
    renderRoute(<AppIndex />, { path: '/crm', pattern: '/:app', routes: {}, apps: [{ ...crmApp, landing: { page: 'audit' } }] });
    expect(where()).toBe('/audit');
  });

  it("opens an app's first page for a role without a landing", () => {
    renderRoute(<AppIndex />, { path: '/crm', pattern: '/:app', routes: {}, apps: [crmApp] });
    expect(where()).toBe('/crm/loan');
  });

  it('offers a choice of apps to a reader of several', () => {
    renderRoute(<AppHome />, { path: '/', pattern: '/', routes: {}, apps: [rmApp, { ...crmApp, key: 'wealth', label: { en: 'Wealth', 'zh-CN': '财富' } }] });
    expect(screen.getByRole('link', { name: 'Wealth' }).getAttribute('href')).toBe('/wealth');
    expect(where()).toBe('/');
  });
});
