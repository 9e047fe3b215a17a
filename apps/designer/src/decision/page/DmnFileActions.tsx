import { exportDmn, importDmn, type DecisionArtifact, type DmnImportResult } from '@bankforge/rule-engine';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@bankforge/app-shell';

interface DmnFileActionsProps {
  artifact: DecisionArtifact;
  /** Replaces the draft's model with the imported one (one undoable step). */
  onImport(result: DmnImportResult): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * DMN 1.5 XML in and out: Export downloads the draft as a `.dmn` file; Import reads a file, says
 * what it holds and what could not be carried over, and replaces the draft once confirmed.
 */
export function DmnFileActions({ artifact, onImport }: DmnFileActionsProps) {
  const { t } = useTranslation('decisionDesigner');
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ file: string; result: DmnImportResult } | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const download = () => {
    setError('');
    let xml: string;
    try {
      xml = exportDmn(artifact);
    } catch (e) {
      setError(t('dmn.exportFailed', { message: message(e) }));
      return;
    }
    const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${artifact.key}.dmn`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file chosen again must fire `change` again.
    event.target.value = '';
    if (!file) return;
    setError('');
    setStatus('');
    try {
      setPending({ file: file.name, result: importDmn(await file.text()) });
    } catch (e) {
      setError(t('dmn.importFailed', { file: file.name, message: message(e) }));
    }
  };

  const names = pending?.result.model.decisions.map((d) => d.name) ?? [];
  return (
    <div className="dg-dmn">
      <div className="button-row">
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('dmn.import')}
        </button>
        <input ref={fileInput} type="file" accept=".dmn,.xml,application/xml,text/xml" aria-label={t('dmn.file')} hidden onChange={(event) => void read(event)} />
        <button type="button" onClick={download}>
          {t('dmn.export')}
        </button>
      </div>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="visually-hidden">
        {status}
      </p>
      {pending && (
        <Dialog title={t('dmn.confirmTitle', { file: pending.file })} onClose={() => setPending(null)} className="dialog-wide">
          <p>{names.length === 0 ? t('dmn.empty') : t('dmn.summary', { count: names.length, names: names.join(', ') })}</p>
          {pending.result.warnings.length > 0 && (
            <div className="notice notice-warning">
              <strong>{t('dmn.warnings')}</strong>
              <ul className="problem-list">
                {pending.result.warnings.map((warning, i) => (
                  <li key={i}>{warning}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="help">{t('dmn.keeps')}</p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={() => {
                onImport(pending.result);
                setStatus(t('dmn.replaced', { file: pending.file }));
                setPending(null);
              }}
            >
              {t('dmn.replace')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('dmn.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
