import type { AppDocument, ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { TextControl } from '../data-model/controls/Controls.js';
import { problemsUnder } from '../shell/api/problems.js';
import { withLabel } from './app-edits.js';

export interface AppPropertiesProps {
  app: AppDocument;
  problems: readonly ProblemFieldError[];
  onChange: (change: (app: AppDocument) => AppDocument, label?: string) => void;
}

/** The app's title and its name in the runtime's navigation, in both languages; the key is fixed. */
export function AppProperties({ app, problems, onChange }: AppPropertiesProps) {
  const { t } = useTranslation('appDesigner');
  const of = (path: string) => problemsUnder(problems, path);
  return (
    <div className="entity-properties">
      <div className="form-row">
        <span className="label">{t('properties.key')}</span>
        <code>{app.key}</code>
        <p className="help">{t('properties.keyFixed')}</p>
      </div>
      <TextControl label={t('properties.title')} value={app.title} problems={of('/title')} onChange={(title) => onChange((a) => ({ ...a, title }), 'app:title')} />
      <div className="form-pair">
        <TextControl label={t('properties.labelEn')} lang="en" value={app.label?.en ?? app.title} problems={of('/label/en')} onChange={(v) => onChange((a) => withLabel(a, 'en', v), 'app:label.en')} />
        <TextControl label={t('properties.labelZh')} lang="zh-CN" value={app.label?.['zh-CN'] ?? app.title} problems={of('/label/zh-CN')} onChange={(v) => onChange((a) => withLabel(a, 'zh-CN', v), 'app:label.zh')} />
      </div>
    </div>
  );
}
