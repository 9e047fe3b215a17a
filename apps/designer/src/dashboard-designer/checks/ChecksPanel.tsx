import type { ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';

/** Where a problem is, for the list to name it and take the analyst there. */
export type ProblemPlace = { kind: 'widget'; id: string; name: string } | { kind: 'filter'; key: string; name: string } | { kind: 'dashboard' };

export interface ChecksPanelProps {
  problems: readonly ProblemFieldError[];
  warnings: readonly ProblemFieldError[];
  /** Null while the first check runs or when it cannot (no published reports loaded). */
  status: 'checking' | 'checked' | 'unavailable';
  placeOf(path: string): ProblemPlace;
  onShow(place: ProblemPlace): void;
}

/** What publishing would refuse or warn of, each naming its widget or filter: a click selects it. */
export function ChecksPanel({ problems, warnings, status, placeOf, onShow }: ChecksPanelProps) {
  const { t, i18n } = useTranslation('dashboardDesigner');
  const item = (problem: ProblemFieldError, index: number, warning: boolean) => {
    const place = placeOf(problem.path);
    const where = place.kind === 'dashboard' ? t('checks.dashboard') : place.name;
    return (
      <li key={`${warning ? 'w' : 'p'}${index}`} className={warning ? 'is-warning' : 'is-problem'}>
        <button type="button" className="link-button" onClick={() => onShow(place)}>
          {warning && <span className="badge badge-modified">{t('checks.warning')}</span>} <strong>{where}</strong>: {problemMessage(problem, i18n.language)}
        </button>
      </li>
    );
  };
  return (
    <section className="dashboard-checks-panel" aria-labelledby="dashboard-checks-heading">
      <h2 id="dashboard-checks-heading">{t('checks.heading')}</h2>
      <div role="status">
        {status === 'checking' && <p className="help">{t('checks.pending')}</p>}
        {status === 'unavailable' && <p className="help">{t('checks.unavailable')}</p>}
        {status === 'checked' && problems.length === 0 && warnings.length === 0 && <p className="help">{t('checks.none')}</p>}
      </div>
      {problems.length + warnings.length > 0 && (
        <ul className="dashboard-problem-list">
          {problems.map((p, i) => item(p, i, false))}
          {warnings.map((p, i) => item(p, i, true))}
        </ul>
      )}
    </section>
  );
}
