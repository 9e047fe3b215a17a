import { useId, type ReactNode } from 'react';
import { NoticeLine, type Notice } from './Notice.js';

export interface AdminListSectionProps {
  title: string;
  /** The header's button: "New webhook", "Refresh". */
  action?: ReactNode;
  help: string;
  /** The page's done changes, announced politely; a page that changes nothing has no live region. */
  notice?: Notice | null;
  /** Said instead of the list when it has nothing in it. */
  empty: string | null;
  /** The list (a table), named by the section's heading: `aria-labelledby={titleId}`. */
  children(titleId: string): ReactNode;
}

/** One of Administration's lists (webhooks, connectors, API keys, imports): heading with its action, help, notice, the list or its empty state. */
export function AdminListSection({ title, action, help, notice, empty, children }: AdminListSectionProps) {
  const titleId = `${useId()}-title`;
  return (
    <section aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId}>{title}</h2>
        {action}
      </div>
      <p className="help">{help}</p>
      {notice !== undefined && <NoticeLine notice={notice} />}
      {empty !== null ? <p className="empty-state">{empty}</p> : children(titleId)}
    </section>
  );
}
