import type { LocalizedText } from '@bankforge/data-model';
import { languageOf } from '@bankforge/app-shell';

/** A designer-written text in the reader's language (English when the Chinese one is missing). */
export function localized(text: LocalizedText, code: string): string {
  return languageOf(code) === 'zh-CN' ? text['zh-CN'] || text.en : text.en || text['zh-CN'];
}
