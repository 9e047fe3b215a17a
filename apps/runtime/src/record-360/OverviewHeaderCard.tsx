import type { Language } from '@bankforge/app-shell';
import type { OverviewHeader } from '@bankforge/client';
import { TagChips } from '@bankforge/form-engine/react';
import { useTranslation } from 'react-i18next';
import { figureText, localize } from './figure-text.js';

export interface OverviewHeaderCardProps {
  /** The record's title, or what stands in while it loads. */
  title: string;
  entityLabel: string;
  header: OverviewHeader | undefined;
  language: Language;
}

/** The top of a 360° page: what the record is, its key figures and its tags. */
export function OverviewHeaderCard({ title, entityLabel, header, language }: OverviewHeaderCardProps) {
  const { t } = useTranslation('record360');
  const { t: tl } = useTranslation('list');
  const words = { yes: tl('yes'), no: tl('no') };
  return (
    <header className="r360-header">
      <p className="r360-eyebrow">{entityLabel}</p>
      <h1 id="record-360-title">{title}</h1>
      {header?.tags && (
        <div className="r360-tags" aria-label={localize(header.tags.label, language)}>
          {header.tags.values.length === 0 ? (
            <span className="muted">{t('noTags')}</span>
          ) : (
            <TagChips options={header.tags.values.map((v) => ({ value: v.value, label: v.label, ...(v.color ? { color: v.color } : {}) }))} values={header.tags.values.map((v) => v.value)} locale={language} />
          )}
        </div>
      )}
      {header && header.figures.length > 0 && (
        <dl className="r360-figures" aria-label={t('figures')}>
          {header.figures.map((figure) => (
            <div key={figure.key} className="r360-figure">
              <dt>{localize(figure.label, language)}</dt>
              <dd>
                {figureText(figure, language, words)}
                {figure.masked && <span className="visually-hidden"> ({t('masked')})</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </header>
  );
}
