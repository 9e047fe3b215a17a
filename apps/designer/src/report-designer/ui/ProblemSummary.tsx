import { useTranslation } from 'react-i18next';
import { controlIdsFor, type ReportProblem } from '../model/problems.js';
import { problemText } from './problem-text.js';
import { useReportEditing } from './report-context.js';

/** Focuses the control a problem is about (or the nearest part of the page around it). */
function show(path: string): void {
  for (const id of controlIdsFor(path)) {
    const element = document.getElementById(id);
    if (!element) continue;
    const target = element.matches('input, select, textarea, button') ? element : element.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]');
    (target ?? element).scrollIntoView?.({ block: 'center' });
    (target ?? element).focus();
    return;
  }
}

/** Every problem of the draft in one list at the top, each a button that goes to the control it is about, its place in words (`placeOf`; the pointer its tooltip). */
export function ProblemSummary({ problems, placeOf }: { problems: readonly ReportProblem[]; placeOf: (path: string) => string | undefined }) {
  const { t, i18n } = useTranslation('reportDesigner');
  const { language } = useReportEditing();
  if (problems.length === 0) return null;
  return (
    <section className="notice notice-warning report-problem-summary" aria-labelledby="report-problem-summary">
      <h2 id="report-problem-summary">{t('problems.title', { count: problems.length })}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${p.code}-${i}`}>
            <button type="button" className="link-button" onClick={() => show(p.path)}>
              <strong title={p.path}>{placeOf(p.path) ?? p.path}</strong>: {problemText(p, language, t, (key) => i18n.exists(key))}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
