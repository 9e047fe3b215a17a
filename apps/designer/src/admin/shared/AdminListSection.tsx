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
  /** Said under the empty state: how to start the list ("Choose New webhook to add one."), so an empty page is not a dead end. */
  emptyHint?: string;
  /** The table's column headers. */
  columns: readonly string[];
  /** The table's rows. */
  children: ReactNode;
}

/** One of Administration's lists (webhooks, connectors, API keys, imports): heading with its action, help, notice, the table (named by the heading) or its empty state. */
export function AdminListSection({
  title,
  action,
  help,
  notice,
  empty,
  emptyHint,
  columns,
  children,
}: AdminListSectionProps) {
  const titleId = `${useId()}-title`;
  return (
    <section aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId}>{title}</h2>
        {action}
      </div>
      <p className="help admin-list-help">{help}</p>
      {notice !== undefined && <NoticeLine notice={notice} />}
      {empty !== null ? (
        <div className="empty-state admin-list-empty">
          <p>{empty}</p>
          {emptyHint && <p className="help">{emptyHint}</p>}
        </div>
      ) : (
        <table className="data-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </section>
  );
}
