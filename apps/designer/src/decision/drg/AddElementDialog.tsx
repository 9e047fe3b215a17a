import type { DecisionArtifact, ItemDefinition } from '@bankforge/rule-engine';
import { Dialog } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogicKind } from '../document/drg-edits.js';
import { elementNameProblem, freshName, takenNames, type ElementKind } from '../document/element-names.js';
import { nameProblemText } from '../logic/logic-messages.js';
import { TypeSelect } from '../logic/TypeSelect.js';

const LOGIC_KINDS: readonly LogicKind[] = ['decisionTable', 'literalExpression', 'context'];

export interface NewElement {
  name: string;
  /** A decision's logic. */
  logic?: LogicKind;
  /** An input data's type. */
  typeRef?: string;
}

export interface AddElementDialogProps {
  artifact: DecisionArtifact;
  kind: ElementKind;
  itemDefinitions: readonly ItemDefinition[];
  onAdd(element: NewElement): void;
  onClose(): void;
}

/** A new element's name (checked as typed: a FEEL name no other element holds), with a decision's logic or an input's type. */
export function AddElementDialog({ artifact, kind, itemDefinitions, onAdd, onClose }: AddElementDialogProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const [name, setName] = useState(() => {
    const taken = takenNames(artifact);
    return freshName(t(`drg.kind.${kind}`).replaceAll(/[^\p{L}\p{N} ]/gu, ''), (n) => taken.has(n));
  });
  const [logic, setLogic] = useState<LogicKind>('decisionTable');
  const [typeRef, setTypeRef] = useState('');
  const [tried, setTried] = useState(false);
  const problem = elementNameProblem(artifact, name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem !== null) return;
    onAdd({ name, ...(kind === 'decision' ? { logic } : {}), ...(kind === 'inputData' && typeRef !== '' ? { typeRef } : {}) });
  };
  const showProblem = problem !== null && (tried || name !== '');
  return (
    <Dialog title={t(`addElement.title.${kind}`)} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <label htmlFor={`${id}-name`}>{t('addElement.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={showProblem || undefined}
            aria-describedby={`${id}-help${showProblem ? ` ${id}-problem` : ''}`}
            onChange={(event) => setName(event.target.value)}
            onFocus={(event) => event.target.select()}
          />
          <p id={`${id}-help`} className="help">
            {t('addElement.nameHelp')}
          </p>
          {showProblem && (
            <p id={`${id}-problem`} className="field-error">
              {nameProblemText(t, problem)}
            </p>
          )}
        </div>
        {kind === 'decision' && (
          <fieldset className="form-row">
            <legend>{t('addElement.logic')}</legend>
            {LOGIC_KINDS.map((option) => (
              <label key={option} className="radio">
                <input type="radio" name={`${id}-logic`} value={option} checked={logic === option} onChange={() => setLogic(option)} />
                {t(`logicKind.${option}`)}
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'inputData' && <TypeSelect label={t('addElement.type')} value={typeRef} itemDefinitions={itemDefinitions} onChange={setTypeRef} />}
        <div className="button-row">
          <button type="submit" className="primary">
            {t('addElement.add')}
          </button>
          <button type="button" onClick={onClose}>
            {t('addElement.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
