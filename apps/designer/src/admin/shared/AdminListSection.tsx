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
        <p className="empty-state">{empty}</p>
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
