import type { RecordData, RecordPage } from '@bankforge/client';
import { recordTitle, type EntityDefinition } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { languageOf } from '@bankforge/app-shell';
import { localized } from '../../shell/localized.js';
import { formatValue, type FormatOptions } from '../format/format-value.js';
import { CellValue } from '../format/CellValue.js';
import type { CardLayout } from './card-fields.js';

export interface RecordCardsProps {
  /** The list's accessible name (the entity's plural label). */
  label: string;
  entity: EntityDefinition;
  layout: CardLayout;
  rows: readonly RecordData[];
  titles?: RecordPage['titles'];
  /** Where a record's page is. */
  hrefOf(record: RecordData): string;
  busy: boolean;
}

/** The records of one page as cards, for phones: each a link to its record, with its title and a few key fields. */
export function RecordCards({ label, entity, layout, rows, titles, hrefOf, busy }: RecordCardsProps) {
  const { t, i18n } = useTranslation('list');
  const language = languageOf(i18n.language);
  const format: FormatOptions = { language, yes: t('yes'), no: t('no'), titles, unseen: t('unseenRecord') };
  const entityLabel = localized(entity.label, language);
  return (
    <ul className="record-cards" aria-label={label} aria-busy={busy || undefined}>
      {rows.map((record) => (
        <li key={record.id}>
          <Link to={hrefOf(record)} className="record-card">
            <span className="record-card-title">
              {recordTitle(entity, record) ??
                t('untitled', { entity: entityLabel, id: record.id.slice(0, 8) })}
            </span>
            {layout.details.length > 0 && (
              <dl className="record-card-fields">
                {layout.details.map((field) => (
                  <div key={field.key}>
                    <dt>{localized(field.label, language)}</dt>
                    <dd>{formatValue(record[field.key], field, format) === '' ? '—' : <CellValue value={record[field.key]} field={field} format={format} />}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
