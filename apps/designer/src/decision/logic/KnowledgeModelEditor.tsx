import type { BusinessKnowledgeModel, DecisionArtifact } from '@bankforge/rule-engine';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { newLogic, type LogicKind } from '../document/drg-edits.js';
import { siblingNameProblem } from '../document/element-names.js';
import type { LogicScope } from '../document/logic-check.js';
import { addParameter, changeBody, moveParameter, onContext, onLiteral, removeParameter, renameParameter, setLiteralText, setParameterType } from '../document/logic-edits.js';
import { ContextEditor } from './ContextEditor.js';
import { LiteralExpressionEditor } from './LiteralExpressionEditor.js';
import { NameField } from './NameField.js';
import { TypeSelect } from './TypeSelect.js';

const BODY_KINDS: readonly LogicKind[] = ['decisionTable', 'literalExpression', 'context'];

export interface KnowledgeModelEditorProps {
  artifact: DecisionArtifact;
  bkm: BusinessKnowledgeModel;
  scope: LogicScope;
  onChange(change: (bkm: BusinessKnowledgeModel) => BusinessKnowledgeModel, label?: string): void;
  onAnnounce(message: string): void;
  /** The decision table editor for a body that is a table (the page's grid, with its toolbars and checks). */
  tableEditor?: ReactNode;
}

/** A business knowledge model: a function of its parameters (named, typed, in call order) whose body is a decision table, a literal expression or a context. */
export function KnowledgeModelEditor({ artifact, bkm, scope, onChange, onAnnounce, tableEditor }: KnowledgeModelEditorProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const names = bkm.parameters.map((p) => p.name);
  const call = `${bkm.name}(${names.join(', ')})`;
  const body = bkm.body;
  return (
    <div className="dg-bkm">
      <section aria-labelledby={`${id}-parameters`}>
        <h3 id={`${id}-parameters`}>{t('bkm.parameters')}</h3>
        <p className="help">{t('bkm.parametersHelp', { call })}</p>
        {bkm.parameters.length === 0 && <p className="empty-state">{t('bkm.noParameters')}</p>}
        <ol className="dg-bkm__parameters">
          {bkm.parameters.map((parameter, index) => (
            <li key={index} className="dg-bkm__parameter">
              <NameField
                label={t('bkm.parameterName', { number: index + 1 })}
                value={parameter.name}
                check={(name) => siblingNameProblem(name, names, index)}
                onCommit={(name) => onChange((current) => renameParameter(current, index, name))}
                sibling
              />
              <TypeSelect
                label={t('bkm.parameterType', { name: parameter.name })}
                value={parameter.typeRef}
                itemDefinitions={artifact.itemDefinitions ?? []}
                onChange={(typeRef) => onChange((current) => setParameterType(current, index, typeRef))}
              />
              <div className="button-row">
                <button type="button" disabled={index === 0} onClick={() => onChange((current) => moveParameter(current, index, index - 1))}>
                  {t('bkm.moveUp', { name: parameter.name })}
                </button>
                <button type="button" className="danger" onClick={() => onChange((current) => removeParameter(current, index))}>
                  {t('bkm.removeParameter', { name: parameter.name })}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <button type="button" onClick={() => onChange((current) => addParameter(current))}>
            {t('bkm.addParameter')}
          </button>
        </div>
      </section>
      <section aria-labelledby={`${id}-body`}>
        <h3 id={`${id}-body`}>{t('bkm.body')}</h3>
        {body === undefined ? (
          <div className="button-row">
            <span>{t('element.chooseLogic')}</span>
            {BODY_KINDS.map((kind) => (
              <button key={kind} type="button" onClick={() => onChange((current) => changeBody(current, () => newLogic(kind)))}>
                {t(`logicKind.${kind}`)}
              </button>
            ))}
          </div>
        ) : body.kind === 'literalExpression' ? (
          <LiteralExpressionEditor owner={bkm.name} expression={body} scope={scope} onChange={(text) => onChange((current) => changeBody(current, onLiteral((e) => setLiteralText(e, text))), 'bkm:body')} />
        ) : body.kind === 'decisionTable' && tableEditor !== undefined ? (
          tableEditor
        ) : body.kind === 'context' ? (
          <ContextEditor owner={bkm.name} context={body} scope={scope} onChange={(change, label) => onChange((current) => changeBody(current, onContext(change)), label)} onAnnounce={onAnnounce} />
        ) : (
          <p className="empty-state">{t('bkm.otherBody', { kind: t(`logicKind.${body.kind}`) })}</p>
        )}
      </section>
    </div>
  );
}
