import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxScope } from './inbox-query.js';

const SCOPES: readonly InboxScope[] = ['mine', 'claimable'];

export interface InboxTabsProps {
  scope: InboxScope;
  counts: { mine: number; claimable: number } | null;
  onChange(scope: InboxScope): void;
  /** The id of the panel the tabs control. */
  panelId: string;
  idPrefix: string;
}

/** "Assigned to me" / "To claim", each with its count; arrow keys move between them. */
export function InboxTabs({ scope, counts, onChange, panelId, idPrefix }: InboxTabsProps) {
  const { t } = useTranslation('inbox');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = SCOPES[(SCOPES.indexOf(scope) + (event.key === 'ArrowRight' ? 1 : SCOPES.length - 1)) % SCOPES.length]!;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('tabs.label')} className="tabs" onKeyDown={onKeyDown}>
      {SCOPES.map((candidate) => {
        const label = t(`tabs.${candidate}`);
        return (
          <button
            key={candidate}
            ref={(element) => {
              refs.current[candidate] = element;
            }}
            id={`${idPrefix}-${candidate}`}
            type="button"
            role="tab"
            aria-selected={candidate === scope}
            aria-controls={panelId}
            tabIndex={candidate === scope ? 0 : -1}
            onClick={() => onChange(candidate)}
          >
            {counts === null ? label : t('tabs.count', { label, count: counts[candidate] })}
          </button>
        );
      })}
    </div>
  );
}
