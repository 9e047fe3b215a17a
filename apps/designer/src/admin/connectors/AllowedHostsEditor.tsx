import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';

export interface AllowedHostsEditorProps {
  hosts: readonly string[];
  onSaved: (hosts: string[]) => void;
}

/** The hosts on the bank's own network connectors may call despite a private address, one per line. */
export function AllowedHostsEditor({ hosts, onSaved }: AllowedHostsEditorProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const [text, setText] = useState(hosts.join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const list = [...new Set(text.split('\n').map((h) => h.trim().toLowerCase()).filter(Boolean))];
    try {
      const saved = await api.saveConnectorAllowedHosts({ hosts: list });
      setText(saved.hosts.join('\n'));
      onSaved(saved.hosts);
    } catch (failure) {
      const problem = asProblem(failure);
      // `/hosts/2` names the third line: say which one.
      const first = problem.errors[0];
      const line = first ? /^\/hosts\/(\d+)/.exec(first.path)?.[1] : undefined;
      setError(first ? `${line !== undefined ? `${list[Number(line)] ?? ''}: ` : ''}${problemMessage(first, i18n.language)}` : problem.detail || problem.title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="allowed-hosts">
      <h2 id={`${id}-title`}>{t('connectors.hosts.title')}</h2>
      <p className="help admin-list-help">{t('connectors.hosts.help')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <div className="form-row">
          <label htmlFor={`${id}-hosts`}>{t('connectors.hosts.label')}</label>
          <textarea
            id={`${id}-hosts`}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-format`}
          />
          <p id={`${id}-format`} className="help">
            {t('connectors.hosts.format')}
          </p>
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('saving') : t('connectors.hosts.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
