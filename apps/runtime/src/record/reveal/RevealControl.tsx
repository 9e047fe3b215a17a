import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import type { FieldDefinition } from '@bankforge/data-model';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../../entity-list/format/format-value.js';
import './reveal.css';
import { localized } from '../../shell/localized.js';
import { RevealDialog } from './RevealDialog.js';

export interface RevealControlProps {
  entity: string;
  recordId: string;
  field: FieldDefinition;
  /** Reads the clock (tests pass their own). */
  now?: () => number;
}

type State =
  | { kind: 'masked' }
  | { kind: 'asking'; busy: boolean; problem: string | null }
  | { kind: 'shown'; text: string; until: number };

/**
 * "Reveal" beside a masked value: asks why (the reason is audited with the reveal), shows the
 * value in clear with a countdown for as long as the server allows, then masks it again. The
 * countdown is not read out each second: the start and the end are announced once.
 */
export function RevealControl({ entity, recordId, field, now = Date.now }: RevealControlProps) {
  const { t, i18n } = useTranslation('record');
  const api = useApiClient();
  const language = languageOf(i18n.language);
  const label = localized(field.label, language);
  const [state, setState] = useState<State>({ kind: 'masked' });
  const [announcement, setAnnouncement] = useState('');
  const [clock, setClock] = useState(now);
  const area = useRef<HTMLDivElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const revealButton = useRef<HTMLButtonElement>(null);

  const mask = (spoken: string) => {
    // Focus follows only if the reader was here: a timer never pulls it from elsewhere on the page.
    const here = area.current?.contains(document.activeElement) ?? false;
    setState({ kind: 'masked' });
    setAnnouncement(spoken);
    if (here) setTimeout(() => revealButton.current?.focus(), 0);
  };

  const until = state.kind === 'shown' ? state.until : undefined;
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(() => {
      const at = now();
      setClock(at);
      if (at >= until) mask(t('reveal.masked', { field: label }));
    }, 1000);
    return () => clearInterval(timer);
    // mask and t change with every render; the timer is the shown state's alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until]);

  const reveal = async (reason: string) => {
    setState({ kind: 'asking', busy: true, problem: null });
    try {
      const revealed = await api.unmaskField(entity, recordId, field.key, reason);
      const text = formatValue(revealed.value, field, { language, yes: t('reveal.yes'), no: t('reveal.no') });
      const started = now();
      setClock(started);
      setState({ kind: 'shown', text, until: started + revealed.revealSeconds * 1000 });
      setAnnouncement(t('reveal.shown', { field: label, seconds: revealed.revealSeconds }));
      setTimeout(() => hideButton.current?.focus(), 0);
    } catch (error) {
      const problem = asProblem(error);
      const said = problem.errors.find((e) => e.path === '/reason');
      const message =
        problem.status === 403 ? t('reveal.forbidden') : said ? (language === 'zh-CN' ? (said.messageZh ?? said.message) : said.message) : t('reveal.failed', { detail: problem.detail ?? problem.code });
      setState({ kind: 'asking', busy: false, problem: message });
    }
  };

  return (
    <div className="reveal" ref={area}>
      {state.kind === 'shown' ? (
        <span className="revealed">
          <span className="revealed-value">{state.text}</span>
          <span className="muted reveal-countdown" aria-hidden="true">
            {t('reveal.hidesIn', { seconds: Math.max(0, Math.ceil((state.until - clock) / 1000)) })}
          </span>
          <button ref={hideButton} type="button" className="link-button" aria-label={t('reveal.hideField', { field: label })} onClick={() => mask(t('reveal.masked', { field: label }))}>
            {t('reveal.hide')}
          </button>
        </span>
      ) : (
        <button ref={revealButton} type="button" className="link-button reveal-button" aria-label={t('reveal.revealField', { field: label })} onClick={() => setState({ kind: 'asking', busy: false, problem: null })}>
          {t('reveal.reveal')}
        </button>
      )}
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
      {state.kind === 'asking' && (
        <RevealDialog field={label} busy={state.busy} problem={state.problem} onReveal={(reason) => void reveal(reason)} onCancel={() => setState({ kind: 'masked' })} />
      )}
    </div>
  );
}
