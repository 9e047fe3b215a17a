import { useTranslation } from 'react-i18next';
import type { ImportJob } from '@bankforge/client';

const STEPS = ['stepUpload', 'stepMap', 'stepDryRun', 'stepRun'] as const;

/** Where the reader is: no file yet, its columns to map, a dry run made, the import run. */
function currentStep(job: ImportJob | undefined): number {
  if (!job) return 0;
  if (job.mode === null) return 1;
  return job.mode === 'dryRun' ? 2 : 3;
}

/** The import's four steps, the current one marked (for screen readers too), those behind it done. */
export function ImportSteps({ job }: { job: ImportJob | undefined }) {
  const { t } = useTranslation('import');
  const at = currentStep(job);
  return (
    <ol className="import-steps" aria-label={t('steps')}>
      {STEPS.map((key, index) => (
        <li key={key} className={index < at ? 'step-done' : index === at ? 'step-current' : undefined} aria-current={index === at ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {index < at ? '✓' : index + 1}
          </span>
          {t(key)}
        </li>
      ))}
    </ol>
  );
}
