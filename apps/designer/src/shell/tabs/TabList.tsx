import { useRef, type KeyboardEvent } from 'react';

export interface Tab<K extends string> {
  id: K;
  label: string;
}

/** The ids that tie a tab to its panel. */
export function tabIds(prefix: string, id: string): { tab: string; panel: string } {
  return { tab: `${prefix}-tab-${id}`, panel: `${prefix}-panel-${id}` };
}

export interface TabListProps<K extends string> {
  /** Names the tab list and prefixes its element ids (one per page). */
  label: string;
  prefix: string;
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect: (id: K) => void;
}

/** A WAI-ARIA tab list: one tab in the Tab order, arrow keys, Home and End move and select. */
export function TabList<K extends string>({ label, prefix, tabs, selected, onSelect }: TabListProps<K>) {
  const buttons = useRef(new Map<K, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === selected);
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index <= 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    const id = tabs[target]!.id;
    onSelect(id);
    buttons.current.get(id)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const ids = tabIds(prefix, tab.id);
        return (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={ids.tab}
            aria-controls={ids.panel}
            aria-selected={tab.id === selected}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
