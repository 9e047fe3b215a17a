import type { FlowDefinition, FlowNode } from '@bankforge/flow-engine';
import { Dialog } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeName, typeName, type DesignerLanguage } from '../document/names.js';
import { END_TYPES } from '../document/node-types.js';

export interface ConnectDialogProps {
  flow: FlowDefinition;
  source: FlowNode;
  language: DesignerLanguage;
  onConnect(target: string): void;
  onClose(): void;
}

/** "Connect … to": the target chosen by name (nodes already joined from it, and the start, are left out). */
export function ConnectDialog({ flow, source, language, onConnect, onClose }: ConnectDialogProps) {
  const { t } = useTranslation('flowDesigner');
  const id = useId();
  const joined = new Set(flow.edges.filter((e) => e.source === source.id).map((e) => e.target));
  const targets = flow.nodes
    .filter((n) => n.type !== 'start' && !joined.has(n.id))
    .map((n) => ({ id: n.id, label: t('a11y.node', { type: typeName(n, language), name: nodeName(n, language) }) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target !== '') onConnect(target);
  };
  return (
    <Dialog title={t('connectDialog.title', { name: nodeName(source, language) })} onClose={onClose}>
      {END_TYPES.has(source.type) || targets.length === 0 ? (
        <p>{t(END_TYPES.has(source.type) ? 'connectDialog.fromEnd' : 'connectDialog.none')}</p>
      ) : (
        <form onSubmit={submit} id={`${id}-form`}>
          <div className="form-row">
            <label htmlFor={`${id}-target`}>{t('connectDialog.target')}</label>
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              {targets.map((n) => (
                <option key={n.id} value={n.id}>{n.label}</option>
              ))}
            </select>
          </div>
        </form>
      )}
      <div className="button-row">
        {!END_TYPES.has(source.type) && targets.length > 0 && (
          <button type="submit" form={`${id}-form`} className="primary">{t('connectDialog.connect')}</button>
        )}
        <button type="button" onClick={onClose}>{t('cancel')}</button>
      </div>
    </Dialog>
  );
}
