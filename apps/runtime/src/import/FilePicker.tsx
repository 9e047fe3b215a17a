import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The types the import accepts (the server checks the file itself). */
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sizeText(bytes: number, language: string): string {
  const kb = bytes / 1024;
  const format = (n: number) => n.toLocaleString(language, { maximumFractionDigits: 1 });
  return kb < 1024 ? `${format(kb)} KB` : `${format(kb / 1024)} MB`;
}

/**
 * The file to import: a button in the UI language (the browser's own file input speaks the
 * browser's, "Choose File" in a Chinese page), the chosen file's name and size, and a zone a file
 * can be dropped on. The native input stays, hidden, for the browser's file dialog.
 */
export function FilePicker({ file, disabled, onFile }: { file: File | undefined; disabled: boolean; onFile: (file: File | undefined) => void }) {
  const { t, i18n } = useTranslation('import');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const chosenId = useId();
  return (
    <div
      className={over ? 'file-drop file-drop-over' : 'file-drop'}
      onDragOver={(event) => {
        if (disabled || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const dropped = event.dataTransfer.files[0];
        if (!disabled && dropped) onFile(dropped);
      }}
    >
      <input ref={input} type="file" hidden aria-label={t('fileLabel')} accept={ACCEPT} disabled={disabled} onChange={(e) => onFile(e.target.files?.[0])} />
      <button type="button" disabled={disabled} aria-describedby={chosenId} onClick={() => input.current?.click()}>
        {file ? t('chooseAnother') : t('chooseFile')}
      </button>
      <span id={chosenId} className={file ? 'file-chosen' : 'file-chosen file-none'}>
        {file ? t('chosen', { name: file.name, size: sizeText(file.size, i18n.language) }) : t('noFile')}
      </span>
      <span className="help">
        {t('fileLabel')} · {t('dropHint')}
      </span>
    </div>
  );
}
