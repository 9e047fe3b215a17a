import type { DecisionArtifact } from '@bankforge/rule-engine';
import { Dialog } from '@bankforge/app-shell';
import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectDialog } from './ConnectDialog.js';
import { removeElement, removeRequirement, renameElement, setDecisionQuestion, setElementType, addRequirement } from '../document/drg-edits.js';
import { drgGraph, elementId } from '../document/drg-graph.js';
import { elementNameProblem, type ElementRef } from '../document/element-names.js';
import { NameField } from './NameField.js';
import { TypeSelect } from './TypeSelect.js';

export interface ElementPropertiesProps {
  artifact: DecisionArtifact;
  element: ElementRef;
  /** `label` groups the keystrokes of one property into one undo step. */
  onChange(change: (artifact: DecisionArtifact) => DecisionArtifact, label?: string): void;
  /** The element under its new name (the page's selection follows a rename), or null once deleted. */
  onSelect(element: ElementRef | null): void;
  onAnnounce(message: string): void;
  /** The heading, which takes the focus when the diagram's Enter opens the element. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * The selected element's properties: its name (checked as typed, renamed everywhere it is read),
 * type and question, what it requires (each requirement removable, new ones added by the keyboard),
 * and its deletion.
 */
export function ElementProperties({ artifact, element, onChange, onSelect, onAnnounce, headingRef }: ElementPropertiesProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const [connecting, setConnecting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const kindName = t(`drg.kind.${element.kind}`);
  const decision = element.kind === 'decision' ? artifact.decisions.find((d) => d.name === element.name) : undefined;
  const typed =
    element.kind === 'decision' ? decision
    : element.kind === 'inputData' ? artifact.inputData?.find((i) => i.name === element.name)
    : artifact.businessKnowledgeModels?.find((b) => b.name === element.name);
  const requirements = drgGraph(artifact).requirements.filter((r) => elementId(r.to) === elementId(element));

  const rename = (name: string) => {
    onChange((current) => renameElement(current, element, name));
    onSelect({ kind: element.kind, name });
    onAnnounce(t('element.renamed', { name }));
  };
  return (
    <section className="dg-element" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('element.properties', { kind: kindName, name: element.name })}
      </h2>
      <div className="dg-element__fields">
        <NameField label={t('element.name')} value={element.name} check={(name) => elementNameProblem(artifact, name, element)} onCommit={rename} help={t('element.nameHelp')} />
        <TypeSelect
          label={element.kind === 'businessKnowledgeModel' ? t('element.resultType') : t('element.type')}
          value={typed?.typeRef}
          itemDefinitions={artifact.itemDefinitions ?? []}
          onChange={(typeRef) => onChange((current) => setElementType(current, element, typeRef))}
        />
        {element.kind === 'decision' && (
          <div className="form-row">
            <label htmlFor={`${id}-question`}>{t('element.question')}</label>
            <input
              id={`${id}-question`}
              value={decision?.question ?? ''}
              aria-describedby={`${id}-question-help`}
              onChange={(event) => onChange((current) => setDecisionQuestion(current, element.name, event.target.value), `${elementId(element)}:question`)}
            />
            <p id={`${id}-question-help`} className="help">
              {t('element.questionHelp')}
            </p>
          </div>
        )}
      </div>
      {element.kind === 'inputData' ? (
        <p className="help">{t('element.inputDataHelp')}</p>
      ) : (
        <section aria-labelledby={`${id}-requires`} className="dg-element__requires">
          <h3 id={`${id}-requires`}>{t('element.requires')}</h3>
          {requirements.length === 0 ? (
            <p className="empty-state">{t('element.requiresNone')}</p>
          ) : (
            <ul>
              {requirements.map((r) => (
                <li key={r.id}>
                  <span>
                    {t('drg.node', { kind: t(`drg.kind.${r.from.kind}`), name: r.from.name })} · {t(`drg.requirement.${r.kind}`)}
                  </span>{' '}
                  <button
                    type="button"
                    className="dg-icon-button"
                    aria-label={t('element.removeRequirement', { name: r.from.name })}
                    onClick={() => {
                      onChange((current) => removeRequirement(current, r.from, r.to));
                      onAnnounce(t('drg.disconnected', { from: r.from.name, to: r.to.name }));
                    }}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => setConnecting(true)}>
            {t('element.addRequirement')}
          </button>
        </section>
      )}
      <div className="button-row">
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          {t('element.delete')}
        </button>
      </div>
      {connecting && (
        <ConnectDialog
          artifact={artifact}
          to={element}
          onConnect={(from) => {
            onChange((current) => addRequirement(current, from, element));
            onAnnounce(t('drg.connected', { from: from.name, to: element.name }));
            setConnecting(false);
          }}
          onClose={() => setConnecting(false)}
        />
      )}
      {deleting && (
        <Dialog title={t('element.confirmDelete', { name: element.name })} onClose={() => setDeleting(false)}>
          <p>{t('element.deleteDetail')}</p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              onClick={() => {
                setDeleting(false);
                onChange((current) => removeElement(current, element));
                onSelect(null);
                onAnnounce(t('element.deleted', { name: element.name }));
              }}
            >
              {t('element.deleteConfirm')}
            </button>
            <button type="button" onClick={() => setDeleting(false)}>
              {t('element.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
