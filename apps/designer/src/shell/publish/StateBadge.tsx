import type { ArtifactSummary } from '@bankforge/client';
import { useTranslation } from 'react-i18next';

/** Draft / published vN / modified, as the artifact list and the editors show it. */
export function StateBadge({ state, latestVersion }: { state: ArtifactSummary['state']; latestVersion: number | null }) {
  const { t } = useTranslation('shell');
  const text = state === 'published' ? t('state.published', { version: latestVersion }) : t(`state.${state}`);
  return <span className={`badge badge-${state}`}>{text}</span>;
}
