import type { FlowDefinition } from '@bankforge/flow-engine';
import { Dialog } from '@bankforge/app-shell';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importIntoDraft, type DraftImport } from './bpmn-files.js';

export interface BpmnImportDialogProps {
  draft: FlowDefinition;
  onReplace(definition: FlowDefinition): void;
  onClose(): void;
}

/**
 * Import from BPMN 2.0: choose a file, see what the engine could not take (every unsupported
 * element, errors, warnings), and replace the draft only after confirming (undo brings it back).
 */
export function BpmnImportDialog({ draft, onReplace, onClose }: BpmnImportDialogProps) {
  const { t } = useTranslation('flowDesigner');
  const id = useId();
  const [read, setRead] = useState<{ file: string; result: DraftImport } | null>(null);
  const [failed, setFailed] = useState(false);
  const result = read?.result;
  return (
    <Dialog title={t('bpmn.importTitle')} onClose={onClose} className="dialog-wide">
      <p className="help">{t('bpmn.importHelp')}</p>
      <div className="form-row">
        <label htmlFor={`${id}-file`}>{t('bpmn.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".bpmn,.xml,application/xml,text/xml"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file === undefined) return;
            setFailed(false);
            file.text().then(
              (xml) => setRead({ file: file.name, result: importIntoDraft(draft, xml) }),
              () => setFailed(true),
            );
          }}
        />
      </div>
      {failed && <p role="alert" className="notice notice-error">{t('bpmn.unreadable')}</p>}
      {result !== undefined && (
        <div role="status" className="flow-bpmn-result">
          {result.definition !== undefined ? (
            <p>{t('bpmn.ready', { file: read?.file, count: result.definition.nodes.length })}</p>
          ) : (
            <p className="notice notice-error">{t('bpmn.cannotImport', { file: read?.file })}</p>
          )}
          {result.unsupported.length > 0 && (
            <>
              <h3>{t('bpmn.unsupported', { count: result.unsupported.length })}</h3>
              <ul>
                {result.unsupported.map((u, i) => (
                  <li key={`${u.id}-${i}`}>{t('bpmn.unsupportedItem', { tag: u.tag, id: u.id })}</li>
                ))}
              </ul>
            </>
          )}
          {result.errors.length > 0 && (
            <>
              <h3>{t('bpmn.errors', { count: result.errors.length })}</h3>
              <ul>{result.errors.map((e, i) => <li key={i}>{e.id ? `${e.id}: ${e.message}` : e.message}</li>)}</ul>
            </>
          )}
          {result.warnings.length > 0 && (
            <>
              <h3>{t('bpmn.warnings', { count: result.warnings.length })}</h3>
              <ul>{result.warnings.map((w, i) => <li key={i}>{w.id ? `${w.id}: ${w.message}` : w.message}</li>)}</ul>
            </>
          )}
          {result.subprocesses.length > 0 && <p>{t('bpmn.subprocesses', { keys: result.subprocesses.join(', ') })}</p>}
        </div>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={result?.definition === undefined} onClick={() => result?.definition && onReplace(result.definition)}>
          {t('bpmn.replace')}
        </button>
        <button type="button" onClick={onClose}>{t('cancel')}</button>
      </div>
    </Dialog>
  );
}
