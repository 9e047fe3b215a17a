import type { KeyboardEvent } from 'react';
import type { EntityDefinition } from '@bankforge/data-model';
import type { FormTabs } from '../../form/form-definition.js';
import { pointer } from '@bankforge/data-model';
import { localized } from '../locale/messages.js';
import { isAtOrUnder } from '../renderer/error-paths.js';
import { useRenderer } from '../renderer/renderer-context.js';
import { VISUALLY_HIDDEN } from '../renderer/visually-hidden.js';
import { placedKeys } from './layout-walk.js';
import { NodeList } from './NodeView.js';

/**
 * The WAI-ARIA tabs pattern with automatic activation: one tab stop for the tab list, Left/Right
 * move between tabs (wrapping), Home/End go to the first/last. Inactive panels stay mounted but
 * hidden, so what was typed in them survives; a tab shows how many errors its panel holds.
 */
export function TabsView({ node, entity }: { node: FormTabs; entity: EntityDefinition }) {
  const renderer = useRenderer();
  const { locale, messages } = renderer;
  const count = node.tabs.length;
  const active = Math.min(renderer.activeTab(node.id), count - 1);
  const tabId = (index: number) => renderer.actions.idFor(`/${node.id}/${index}`, 'tab');
  const panelId = (index: number) => renderer.actions.idFor(`/${node.id}/${index}`, 'panel');

  const select = (index: number) => {
    renderer.actions.showTab(node.id, index);
    document.getElementById(tabId(index))?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = {
      ArrowRight: (active + 1) % count,
      ArrowLeft: (active - 1 + count) % count,
      Home: 0,
      End: count - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };

  return (
    <div className="bf-tabs" data-node={node.id}>
      <div className="bf-tablist" role="tablist">
        {node.tabs.map((tab, index) => {
          const roots = placedKeys(tab.children).map((key) => pointer(key));
          const errors = renderer.shownErrors.filter((error) => roots.some((root) => isAtOrUnder(error.path, root))).length;
          return (
            <button
              key={tab.id}
              id={tabId(index)}
              type="button"
              role="tab"
              className="bf-tab"
              aria-selected={index === active}
              aria-controls={panelId(index)}
              tabIndex={index === active ? 0 : -1}
              onClick={() => select(index)}
              onKeyDown={onKeyDown}
            >
              {localized(tab.title, locale)}
              {errors > 0 && (
                <span className="bf-tab-errors">
                  <span aria-hidden="true">{` (${errors})`}</span>
                  <span style={VISUALLY_HIDDEN}>{`, ${messages.errorCount(errors)}`}</span>
                </span>
              )}
            </button>
          );
        })}
      </div>
      {node.tabs.map((tab, index) => (
        <div
          key={tab.id}
          id={panelId(index)}
          className="bf-tabpanel"
          role="tabpanel"
          aria-labelledby={tabId(index)}
          hidden={index !== active}
        >
          <NodeList nodes={tab.children} entity={entity} />
        </div>
      ))}
    </div>
  );
}
