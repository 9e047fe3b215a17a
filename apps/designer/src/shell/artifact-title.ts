import type { ElementLabel } from '@bankforge/client';

/**
 * An artifact's name in the reader's language: its bilingual `label` where it has one (entities,
 * forms, flows, apps), else its title (decisions and reports are named in one language).
 */
export function artifactTitle(artifact: { title: string; label?: ElementLabel | undefined }, language: string): string {
  const label = artifact.label;
  return (language.startsWith('zh') ? label?.['zh-CN'] : label?.en) || artifact.title;
}
