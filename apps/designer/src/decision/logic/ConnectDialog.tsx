import type { DecisionArtifact } from '@bankforge/rule-engine';
import { Dialog } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { elementId, possibleRequirements, requirementFor } from '../document/drg-graph.js';
import type { ElementRef } from '../document/element-names.js';

export interface ConnectDialogProps {
  artifact: DecisionArtifact;
  /** The element that is to require another. */
  to: ElementRef;
  onConnect(from: ElementRef): void;
  onClose(): void;
}

/** The keyboard's way to draw a requirement: the elements `to` may require (DMN's rules and no loops), and the kind it will be. */
export function ConnectDialog({ artifact, to, onConnect, onClose }: ConnectDialogProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const options = possibleRequirements(artifact, to);
  const [chosen, setChosen] = useState(options[0] ? elementId(options[0]) : '');
  const from = options.find((o) => elementId(o) === chosen);
  const kind = from === undefined ? null : requirementFor(artifact, from, to);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from !== undefined) onConnect(from);
  };
  return (
    <Dialog title={t('connect.title', { name: to.name })} onClose={onClose}>
      {options.length === 0 ? (
        <>
          <p>{t('connect.none', { name: to.name })}</p>
          <div className="button-row">
            <button type="button" onClick={onClose}>
              {t('connect.cancel')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <div className="form-row">
            <label htmlFor={id}>{t('connect.required')}</label>
            <select id={id} value={chosen} aria-describedby={`${id}-kind`} onChange={(event) => setChosen(event.target.value)}>
              {options.map((option) => (
                <option key={elementId(option)} value={elementId(option)}>
                  {t('drg.node', { kind: t(`drg.kind.${option.kind}`), name: option.name })}
                </option>
              ))}
            </select>
            <p id={`${id}-kind`} className="help">
              {kind !== null && 'kind' in kind ? t(`connect.kindIs.${kind.kind}`) : ''}
            </p>
          </div>
          <div className="button-row">
            <button type="submit" className="primary">
              {t('connect.add')}
            </button>
            <button type="button" onClick={onClose}>
              {t('connect.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
