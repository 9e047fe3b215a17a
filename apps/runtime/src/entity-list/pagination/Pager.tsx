import { useTranslation } from 'react-i18next';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export interface PagerProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  pageSize: number;
  total: number | undefined;
  onPrevious(): void;
  onNext(): void;
  onPageSize(size: number): void;
}

/** Previous / Next over keyset pages, the page size and the total number of matching records. */
export function Pager(props: PagerProps) {
  const { t } = useTranslation('list');
  return (
    <nav aria-label={t('pager.label')} className="pager">
      <button type="button" onClick={props.onPrevious} disabled={!props.hasPrevious}>
        {t('pager.previous')}
      </button>
      <span aria-live="polite">{t('pager.page', { page: props.page })}</span>
      <button type="button" onClick={props.onNext} disabled={!props.hasNext}>
        {t('pager.next')}
      </button>
      <label>
        {t('pager.pageSize')}{' '}
        <select value={props.pageSize} onChange={(event) => props.onPageSize(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      {props.total !== undefined && <span className="total">{t('total', { count: props.total })}</span>}
    </nav>
  );
}
