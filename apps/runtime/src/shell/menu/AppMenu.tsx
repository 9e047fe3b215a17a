import type { RuntimeApp } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { localized } from '../localized.js';
import { MoreMenu, type MenuPage } from './MoreMenu.js';
import { useFittingCount } from './useFittingCount.js';

/**
 * The app's menu of entity pages in the reader's order: as many as the header has room for, the
 * rest under More (a bank's app has a dozen pages and more; the role's first pages lead). A hidden
 * copy of the whole menu is what is measured.
 */
export function AppMenu({ app }: { app: RuntimeApp }) {
  const { t, i18n } = useTranslation('shell');
  const pages: MenuPage[] = app.menu.map((item) => ({ to: `/${app.key}/${item.entity}`, label: localized(item.pluralLabel, i18n.language) }));
  const { navRef, measureRef, count } = useFittingCount(pages.length);
  const shown = pages.slice(0, count);
  const rest = pages.slice(count);
  return (
    <nav ref={navRef} aria-label={t('nav.label')} className="app-nav app-menu">
      <ul>
        {shown.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to}>{page.label}</NavLink>
          </li>
        ))}
        {rest.length > 0 && (
          <li>
            <MoreMenu pages={rest} />
          </li>
        )}
      </ul>
      {/* In a box of no size that clips it: the copy is as wide as the whole menu, and must not widen the page. */}
      <div className="app-menu-measure">
        <ul ref={measureRef} aria-hidden="true">
          {pages.map((page) => (
            <li key={page.to}>
              <span className="app-menu-item">{page.label}</span>
            </li>
          ))}
          <li>
            <span className="app-menu-item more-button">
              {t('nav.more')}
              <span className="more-caret">▾</span>
            </span>
          </li>
        </ul>
      </div>
    </nav>
  );
}
