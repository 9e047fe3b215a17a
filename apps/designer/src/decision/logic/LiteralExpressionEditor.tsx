import type { LiteralExpression } from '@bankforge/rule-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FeelEditor } from '../../form-designer/feel-editor/FeelEditor.js';
import type { LogicScope } from '../document/logic-check.js';

export interface LiteralExpressionEditorProps {
  /** The decision's or knowledge model's name (the editor's label names it). */
  owner: string;
  expression: LiteralExpression;
  scope: LogicScope;
  onChange(text: string): void;
}

/** A name the element cannot read: in the model but not required, or nothing it can read at all (a typo, an entry renamed, text without quotes). */
export function useUnknownNameText(scope: LogicScope): (name: string) => string {
  const { t } = useTranslation('decisionDesigner');
  return (name) => (scope.model.has(name) ? t('problem.notRequired', { name }) : t('literal.unknownName', { name }));
}

/**
 * A literal expression in the FEEL editor the form designer shares: highlighted, checked as typed
 * (syntax, names the element does not require), the names in scope offered on Ctrl+Space.
 */
export function LiteralExpressionEditor({ owner, expression, scope, onChange }: LiteralExpressionEditorProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const unknownNameText = useUnknownNameText(scope);
  return (
    <div className="dg-literal">
      <FeelEditor
        label={t('literal.label', { name: owner })}
        value={expression.text}
        onChange={onChange}
        names={scope.known}
        multiWordNames={scope.multiWord}
        unknownNameText={unknownNameText}
        describedBy={`${id}-help`}
      />
      <p id={`${id}-help`} className="help">
        {expression.text.trim() === '' ? `${t('literal.empty')} ` : ''}
        {t('literal.help')}
      </p>
    </div>
  );
}
