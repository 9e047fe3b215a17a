import type { AppDocument, ArtifactSummary, ProblemFieldError } from '@bankforge/client';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemsUnder } from '../shell/api/problems.js';
import { Loading } from '../shell/Loading.js';
import { APP_CONTENT_KINDS, addContent, hasContent, moveContent, removeContent, type AppContent, type AppContentKind } from './app-edits.js';
import type { AppContentCatalog } from './useAppContentCatalog.js';

export interface AppContentsProps {
  app: AppDocument;
  catalog: AppContentCatalog;
  problems: readonly ProblemFieldError[];
  onChange: (change: (app: AppDocument) => AppDocument) => void;
}

const idOf = (content: AppContent): string => `${content.kind}:${content.key}`;

/**
 * The app's pages and other contents in menu order: move each up or down, remove it, or add
 * another artifact. Everything is reachable by keyboard, and focus stays on the item worked on.
 */
export function AppContents({ app, catalog, problems, onChange }: AppContentsProps) {
  const { t, i18n } = useTranslation('appDesigner');
  const formId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLSelectElement>(null);
  const [focus, setFocus] = useState<{ id: string; control: 'up' | 'down' | 'remove' } | 'add' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [kind, setKind] = useState<AppContentKind>('entity');
  const [choice, setChoice] = useState('');

  useEffect(() => {
    if (focus === null) return;
    if (focus === 'add') addRef.current?.focus();
    else {
      const row = [...(listRef.current?.children ?? [])].find((item) => item instanceof HTMLElement && item.dataset.content === focus.id);
      // At either end the button pressed is disabled now: its neighbour takes the focus.
      const buttons = [...(row?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
      (buttons.find((b) => b.dataset.control === focus.control) ?? buttons[0])?.focus();
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a focus request is done once served; the focus needs the committed DOM
    setFocus(null);
  }, [focus]);

  const summaryOf = (content: AppContent): ArtifactSummary | undefined =>
    catalog.status === 'ready' ? catalog.byKind.get(content.kind)?.find((s) => s.key === content.key) : undefined;
  const nameOf = (content: AppContent): string => summaryOf(content)?.title ?? content.key;

  const move = (index: number, delta: -1 | 1) => {
    const content = app.artifacts[index]!;
    onChange((a) => moveContent(a, index, delta));
    setAnnouncement(t('contents.moved', { name: nameOf(content), position: index + delta + 1 }));
    setFocus({ id: idOf(content), control: delta < 0 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    const content = app.artifacts[index]!;
    const next = app.artifacts[index + 1] ?? app.artifacts[index - 1];
    onChange((a) => removeContent(a, index));
    setAnnouncement(t('contents.removed', { name: nameOf(content) }));
    setFocus(next ? { id: idOf(next), control: 'remove' } : 'add');
  };
  const available = catalog.status === 'ready' ? (catalog.byKind.get(kind) ?? []).filter((s) => !hasContent(app, { kind, key: s.key })) : [];
  const add = () => {
    const summary = available.find((s) => s.key === choice);
    if (!summary) return;
    onChange((a) => addContent(a, { kind, key: summary.key }));
    setChoice('');
    setAnnouncement(t('contents.added', { name: summary.title }));
    setFocus('add');
  };

  return (
    <div className="app-contents">
      <h2>{t('contents.heading')}</h2>
      <p className="help">{t('contents.help')}</p>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {app.artifacts.length === 0 ? (
        <p className="empty-state">{t('contents.empty')}</p>
      ) : (
        <ol ref={listRef} className="content-list" aria-label={t('contents.listLabel')}>
          {app.artifacts.map((content, index) => {
            const summary = summaryOf(content);
            const name = nameOf(content);
            const rowProblems = problemsUnder(problems, `/artifacts/${index}`);
            return (
              <li key={idOf(content)} data-content={idOf(content)} className="content-item">
                <span className="badge">{t(`kinds.${content.kind}`)}</span>
                <strong>{name}</strong> <code>{content.key}</code>
                {catalog.status === 'ready' && !summary && <span className="badge badge-error">{t('contents.notFound')}</span>}
                {summary && summary.latestVersion === null && <span className="badge badge-modified">{t('contents.draftOnly')}</span>}
                <span className="toolbar-spacer" />
                <button type="button" data-control="up" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('contents.moveUp', { name })}>
                  ↑
                </button>
                <button type="button" data-control="down" onClick={() => move(index, 1)} disabled={index === app.artifacts.length - 1} aria-label={t('contents.moveDown', { name })}>
                  ↓
                </button>
                <button type="button" data-control="remove" onClick={() => remove(index)} aria-label={t('contents.remove', { name })}>
                  ✕
                </button>
                {rowProblems.length > 0 && (
                  <ul className="field-errors">
                    {rowProblems.map((p, i) => (
                      <li key={`${p.path}-${i}`}>{problemMessage(p, i18n.language)}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="add-content"
        aria-labelledby={`${formId}-heading`}
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <h3 id={`${formId}-heading`}>{t('contents.addHeading')}</h3>
        {catalog.status === 'loading' && <Loading />}
        {catalog.status === 'error' && (
          <p role="alert" className="notice notice-error">
            {t('contents.loadFailed', { message: catalog.error.detail || catalog.error.title })}
          </p>
        )}
        <div className="form-pair">
          <div className="form-row">
            <label htmlFor={`${formId}-kind`}>{t('contents.kind')}</label>
            <select
              id={`${formId}-kind`}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as AppContentKind);
                setChoice('');
              }}
            >
              {APP_CONTENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor={`${formId}-artifact`}>{t('contents.artifact')}</label>
            <select ref={addRef} id={`${formId}-artifact`} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('contents.choose')}</option>
              {available.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title} ({s.key})
                </option>
              ))}
            </select>
            {catalog.status === 'ready' && available.length === 0 && <p className="help">{t('contents.noneLeft')}</p>}
          </div>
        </div>
        <button type="submit" disabled={choice === ''}>
          {t('contents.add')}
        </button>
      </form>
    </div>
  );
}
