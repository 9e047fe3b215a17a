import type { ContextExpression } from '@bankforge/rule-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FeelEditor } from '../../form-designer/feel-editor/FeelEditor.js';
import { siblingNameProblem } from '../document/element-names.js';
import type { LogicScope } from '../document/logic-check.js';
import { checkContext } from '../document/logic-check.js';
import { addContextEntry, addResultEntry, moveContextEntry, removeContextEntry, renameContextEntry, resultIndex, setContextEntryText } from '../document/logic-edits.js';
import { useUnknownNameText } from './LiteralExpressionEditor.js';
import { NameField } from './NameField.js';

export interface ContextEditorProps {
  /** The decision's or knowledge model's name. */
  owner: string;
  context: ContextExpression;
  scope: LogicScope;
  /** `label` groups the keystrokes of one entry's text into one undo step. */
  onChange(change: (context: ContextExpression) => ContextExpression, label?: string): void;
  onAnnounce(message: string): void;
}

/**
 * A context as a list of entries: each a name and a FEEL value that may read the entries above it,
 * and an optional result entry last. Names and values are checked as they are typed, each problem
 * shown on its entry.
 */
export function ContextEditor({ owner, context, scope, onChange, onAnnounce }: ContextEditorProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const unknownNameText = useUnknownNameText(scope);
  const issues = checkContext(context, scope);
  const result = resultIndex(context);
  const names = context.entries.map((e) => e.name);
  const namedCount = result >= 0 ? result : context.entries.length;

  const add = () => {
    const next = addContextEntry(context, namedCount);
    onChange(() => next);
    onAnnounce(t('context.added', { name: next.entries[namedCount]?.name ?? '' }));
  };

  return (
    <section className="dg-context" aria-labelledby={`${id}-caption`}>
      <h3 id={`${id}-caption`}>{t('context.caption', { name: owner })}</h3>
      <p className="help">{t('context.help')}</p>
      <ol className="dg-context__entries">
        {context.entries.map((entry, index) => {
          const isResult = index === result;
          const entryName = entry.name ?? t('context.result');
          // The entries above this one are in its scope.
          const above = names.slice(0, index).filter((n): n is string => n !== undefined);
          const known = new Set([...scope.known, ...above]);
          const valueIssue = issues[index]?.value;
          return (
            <li key={index} className={`dg-context__entry${isResult ? ' dg-context__entry--result' : ''}`}>
              {isResult ? (
                <p className="dg-context__result">{t('context.result')}</p>
              ) : (
                <NameField
                  label={t('context.nameOf', { number: index + 1 })}
                  value={entry.name ?? ''}
                  check={(name) => siblingNameProblem(name, names, index)}
                  onCommit={(name) => onChange((current) => renameContextEntry(current, index, name))}
                  sibling
                  className="dg-context__name"
                />
              )}
              {entry.value.kind === 'literalExpression' ? (
                <div className="dg-context__value">
                  <FeelEditor
                    label={isResult ? t('context.resultValue') : t('context.valueOf', { name: entryName })}
                    value={entry.value.text}
                    onChange={(text) => onChange((current) => setContextEntryText(current, index, text), `context:${index}:value`)}
                    names={known}
                    multiWordNames={[...scope.multiWord, ...above]}
                    unknownNameText={unknownNameText}
                    invalid={valueIssue?.severity === 'error' || undefined}
                  />
                </div>
              ) : (
                <p className="dg-context__nested">{t('context.nested', { kind: t(`logicKind.${entry.value.kind}`) })}</p>
              )}
              <div role="group" aria-label={t('context.actions')} className="dg-context__actions">
                {!isResult && (
                  <>
                    <button type="button" disabled={index === 0} aria-label={t('context.moveUp', { name: entryName })} title={t('context.moveUp', { name: entryName })} onClick={() => onChange((current) => moveContextEntry(current, index, index - 1))}>
                      ↑
                    </button>
                    <button type="button" disabled={index >= namedCount - 1} aria-label={t('context.moveDown', { name: entryName })} title={t('context.moveDown', { name: entryName })} onClick={() => onChange((current) => moveContextEntry(current, index, index + 1))}>
                      ↓
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="danger"
                  aria-label={t('context.remove', { name: entryName })}
                  title={t('context.remove', { name: entryName })}
                  onClick={() => {
                    onChange((current) => removeContextEntry(current, index));
                    onAnnounce(t('context.removed', { name: entryName }));
                  }}
                >
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row dg-context__add">
        <button type="button" onClick={add}>
          {t('context.addEntry')}
        </button>
        {result < 0 && (
          <button type="button" onClick={() => onChange(addResultEntry)}>
            {t('context.addResult')}
          </button>
        )}
      </div>
    </section>
  );
}
