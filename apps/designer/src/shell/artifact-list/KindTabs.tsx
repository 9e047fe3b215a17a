import type { ArtifactKind } from '@bankforge/client';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTED_KINDS } from './artifact-kinds.js';

export function tabId(kind: ArtifactKind): string {
  return `artifact-tab-${kind}`;
}
export function panelId(kind: ArtifactKind): string {
  return `artifact-panel-${kind}`;
}

/** A WAI-ARIA tab list of the artifact kinds: arrow keys, Home and End move between them. */
export function KindTabs({ selected, onSelect }: { selected: ArtifactKind; onSelect: (kind: ArtifactKind) => void }) {
  const { t } = useTranslation('shell');
  const tabs = useRef(new Map<ArtifactKind, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = LISTED_KINDS.indexOf(selected);
    const last = LISTED_KINDS.length - 1;
    const target =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    const kind = LISTED_KINDS[target]!;
    onSelect(kind);
    tabs.current.get(kind)?.focus();
  };

  return (
    <div role="tablist" aria-label={t('list.title')} className="tabs" onKeyDown={onKeyDown}>
      {LISTED_KINDS.map((kind) => (
        <button
          key={kind}
          ref={(element) => {
            if (element) tabs.current.set(kind, element);
            else tabs.current.delete(kind);
          }}
          type="button"
          role="tab"
          id={tabId(kind)}
          aria-controls={panelId(kind)}
          aria-selected={kind === selected}
          tabIndex={kind === selected ? 0 : -1}
          onClick={() => onSelect(kind)}
        >
          {t(`list.kinds.${kind}`)}
        </button>
      ))}
    </div>
  );
}
