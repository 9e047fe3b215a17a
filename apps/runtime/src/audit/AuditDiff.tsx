import { useTranslation } from 'react-i18next';
import type { EntryReading } from './audit-reading.js';
import { auditValueText } from './audit-value.js';

/** An entry's before and after, field by field (or the facts it records), with its notes. */
export function AuditDiff({ seq, reading }: { seq: number; reading: EntryReading }) {
  const { t } = useTranslation('audit');
  return (
    <div className="audit-diff">
      {reading.notes.map((note) => (
        <p key={note} className="audit-note">
          {note}
        </p>
      ))}
      {reading.rows.length === 0 ? (
        reading.notes.length === 0 && <p className="muted">{t('diff.nothing')}</p>
      ) : (
        <table className="audit-diff-table">
          <caption>{reading.kind === 'changes' ? t('diff.caption', { seq }) : t('diff.raw')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('diff.field')}</th>
              {reading.kind === 'changes' && <th scope="col">{t('diff.before')}</th>}
              <th scope="col">{reading.kind === 'changes' ? t('diff.after') : t('diff.value')}</th>
            </tr>
          </thead>
          <tbody>
            {reading.rows.map((row) => (
              <tr key={row.path}>
                <th scope="row">{row.label}</th>
                {reading.kind === 'changes' && <td className="diff-before">{row.before === undefined ? '' : auditValueText(row.before, t)}</td>}
                <td className="diff-after">{row.after === undefined ? '' : auditValueText(row.after, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
