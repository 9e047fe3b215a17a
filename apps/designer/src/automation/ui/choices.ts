import type { ArtifactSummary } from '@bankforge/client';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { artifactTitle } from '../../shell/artifact-title.js';
import type { Choice } from './controls.js';

const named = (label: { en: string; 'zh-CN': string } | undefined, fallback: string, language: 'en' | 'zh-CN') => (label ? label[language] || label.en : fallback) || fallback;

export function entityChoices(entities: ReadonlyMap<string, EntityDefinition>, language: 'en' | 'zh-CN'): Choice[] {
  return [...entities.values()].map((e) => ({ value: e.key, label: `${named(e.label, e.title, language)} (${e.key})` })).sort((a, b) => a.label.localeCompare(b.label));
}

export function fieldChoices(fields: readonly FieldDefinition[], language: 'en' | 'zh-CN'): Choice[] {
  return fields.map((f) => ({ value: f.key, label: `${named(f.label, f.key, language)} (${f.key})` }));
}

export function artifactChoices(artifacts: readonly ArtifactSummary[], language: 'en' | 'zh-CN'): Choice[] {
  return artifacts.map((a) => ({ value: a.key, label: `${artifactTitle(a, language)} (${a.key})` }));
}

export function fieldName(entity: EntityDefinition | undefined, key: string, language: 'en' | 'zh-CN'): string {
  const field = entity?.fields.find((f) => f.key === key);
  return field ? named(field.label, key, language) : key;
}
