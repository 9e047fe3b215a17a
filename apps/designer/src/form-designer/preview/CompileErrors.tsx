import type { FieldError } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine/react';
import { useTranslation } from 'react-i18next';
import { nodeIdAtPointer } from '../tree/pointer-node.js';
import type { DesignerLanguage } from '../workspace/localized.js';

interface CompileErrorsProps {
  form: FormDefinition;
  errors: readonly FieldError[];
  language: DesignerLanguage;
  /** The name of a node, column or tab, as the canvas shows it. */
  nodeName(id: string): string;
  onShowNode(id: string): void;
}

/** Why the form could not be published, each error with a button to the node it is about. */
export function CompileErrors({ form, errors, language, nodeName, onShowNode }: CompileErrorsProps) {
  const { t } = useTranslation('formDesigner');
  if (errors.length === 0) return <p className="fd-preview__ok">{t('preview.noErrors')}</p>;
  return (
    <div role="alert" className="fd-preview__errors">
      <strong>{t('preview.errors', { count: errors.length })}</strong>
      <ul>
        {errors.map((error, i) => {
          const node = nodeIdAtPointer(form, error.path);
          const message = language === 'zh-CN' ? error.messageZh : error.message;
          return (
            <li key={`${error.path}-${i}`}>
              {node === null ? (
                message
              ) : (
                <button type="button" className="fd-link" onClick={() => onShowNode(node)}>
                  {t('preview.errorAt', { message, node: nodeName(node) })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
