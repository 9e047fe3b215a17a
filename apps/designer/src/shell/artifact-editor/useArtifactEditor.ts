import type { ApiClient, ApiProblem, ArtifactDocument, ArtifactKind, ProblemFieldError, PublishResult } from '@bankforge/client';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { EditorStore } from './editor-store.js';
import { record, redo, seal, startHistory, undo, type History } from './history.js';
import { sameDocument } from './same-document.js';

/** What every artifact document has: its envelope. */
export interface EditableArtifact {
  kind: ArtifactKind;
  key: string;
  title: string;
}

/** What the last save or publish achieved, for the toolbar to say (cleared by the next change). */
/** What the last save or publish did; a publish may carry the server's warnings (an expression the evaluation budget would stop). */
export type EditorOutcome = { kind: 'saved' } | { kind: 'published'; version: number; unchanged: boolean; warnings: readonly ProblemFieldError[] };

/** `draft`: never published; `published`: the document is the latest version; `modified`: unpublished changes. */
export type PublishState = 'draft' | 'published' | 'modified';

export interface ArtifactEditor<D extends EditableArtifact> {
  status: 'loading' | 'ready' | 'error';
  /** Why loading failed (status `error`), or the last save/publish failure other than 422 and 409. */
  error: ApiProblem | null;
  document: D;
  /** The stored draft's revision the edit started from; undefined for an artifact not saved yet. */
  revision: number | undefined;
  latestVersion: number | null;
  /** The latest published version's document, once loaded (null before a first publish). */
  published: D | null;
  isNew: boolean;
  /** The document differs from the last saved (or loaded) draft. */
  dirty: boolean;
  publishState: PublishState;
  /** Applies a change. Consecutive changes with the same label (typing in one property) make one undo step. */
  update(recipe: (draft: D) => D, label?: string): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  save(): Promise<boolean>;
  saving: boolean;
  /** Saves if needed, then publishes; `confirmDataLoss` accepts a lossy entity migration. */
  publish(confirmDataLoss?: boolean): Promise<PublishResult | null>;
  publishing: boolean;
  outcome: EditorOutcome | null;
  /** The errors of the last 422 answer, addressed by JSON Pointers into the document. */
  problems: readonly ProblemFieldError[];
  /** Someone else saved the draft since it was loaded (409 `staleRevision`). */
  conflict: ApiProblem | null;
  /** Loads the stored draft again, dropping local changes and history. */
  reload(): void;
  /** Resolves a conflict in favour of this edit: takes the stored revision, keeps this document and saves it over. */
  overwrite(): Promise<boolean>;
}

interface EditorState<D> {
  status: 'loading' | 'ready' | 'error';
  error: ApiProblem | null;
  history: History<D>;
  /** The document as stored (reference identity: undoing back to it makes the editor clean). */
  saved: D;
  /** The latest published version's document, once known. */
  published: D | null;
  revision: number | undefined;
  latestVersion: number | null;
  isNew: boolean;
  saving: boolean;
  publishing: boolean;
  outcome: EditorOutcome | null;
  problems: readonly ProblemFieldError[];
  conflict: ApiProblem | null;
}

function initialState<D>(document: D): EditorState<D> {
  return {
    status: 'loading',
    error: null,
    history: startHistory(document),
    saved: document,
    published: null,
    revision: undefined,
    latestVersion: null,
    isNew: false,
    saving: false,
    publishing: false,
    outcome: null,
    problems: [],
    conflict: null,
  };
}

/** Routes a failed write to the part of the state that explains it. */
function failure<D>(error: unknown): Partial<EditorState<D>> {
  const problem = asProblem(error);
  if (problem.status === 422) return { problems: problem.errors, error: null };
  if (problem.status === 409 && problem.code === 'staleRevision') return { conflict: problem, error: null };
  return { error: problem };
}

/**
 * Loads an artifact's draft (or starts a new one when there is none), keeps an undo/redo history of
 * its documents, and saves with the revision the edit started from, so a concurrent edit is a 409
 * conflict rather than a silent overwrite.
 */
export function useArtifactEditor<D extends EditableArtifact>(
  kind: ArtifactKind,
  key: string,
  createNew: () => D,
  client?: ApiClient,
): ArtifactEditor<D> {
  const contextClient = useApiClient();
  const api = client ?? contextClient;
  // The load effect reads the latest createNew (updated after each commit, not during render).
  const createNewRef = useRef(createNew);
  useLayoutEffect(() => {
    createNewRef.current = createNew;
  });
  const [store] = useState(() => new EditorStore<EditorState<D>>(initialState(createNew())));
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let current = true;
    store.set({ status: 'loading', error: null, problems: [], conflict: null });
    void (async () => {
      try {
        const draft = await api.getDraft<ArtifactDocument>(kind, key);
        if (!current) return;
        const document = draft.document as unknown as D;
        store.set({
          ...initialState(document),
          status: 'ready',
          revision: draft.revision,
          latestVersion: draft.latestVersion,
        });
        if (draft.latestVersion !== null) {
          const version = await api.getVersion<ArtifactDocument>(kind, key, draft.latestVersion);
          if (current) store.set({ published: version.document as unknown as D });
        }
      } catch (error) {
        if (!current) return;
        const problem = asProblem(error);
        if (problem.status === 404 && problem.code === 'artifactNotFound') {
          store.set({ ...initialState(createNewRef.current()), status: 'ready', isNew: true });
        } else if (store.get().status === 'loading') {
          store.set({ status: 'error', error: problem });
        }
      }
    })();
    return () => {
      current = false;
    };
  }, [api, kind, key, loads, store]);

  const save = useCallback(async (): Promise<boolean> => {
    const s = store.get();
    if (s.status !== 'ready' || s.saving || s.publishing) return false;
    if (!s.isNew && s.history.present === s.saved) return true;
    const document = s.history.present;
    store.set({ saving: true, error: null, outcome: null });
    try {
      // A new artifact is saved as revision 0: if someone created it meanwhile, that is a conflict too.
      const result = await api.saveDraft(document as unknown as ArtifactDocument, s.isNew ? 0 : s.revision);
      store.set((cur) => ({
        saving: false,
        saved: document,
        revision: result.revision,
        latestVersion: result.latestVersion,
        isNew: false,
        problems: [],
        conflict: null,
        outcome: { kind: 'saved' },
        history: seal(cur.history),
      }));
      return true;
    } catch (error) {
      store.set({ saving: false, ...failure<D>(error) });
      return false;
    }
  }, [api, store]);

  const publish = useCallback(
    async (confirmDataLoss = false): Promise<PublishResult | null> => {
      if (!(await save())) return null;
      const document = store.get().history.present;
      store.set({ publishing: true, error: null, outcome: null });
      try {
        const result = await api.publish(kind, key, confirmDataLoss);
        store.set({ publishing: false, latestVersion: result.version, published: document, problems: [], outcome: { kind: 'published', version: result.version, unchanged: result.unchanged, warnings: result.warnings ?? [] } });
        return result;
      } catch (error) {
        store.set({ publishing: false, ...failure<D>(error) });
        return null;
      }
    },
    [api, kind, key, save, store],
  );

  const overwrite = useCallback(async (): Promise<boolean> => {
    try {
      const stored = await api.getDraft<ArtifactDocument>(kind, key);
      store.set({ revision: stored.revision, latestVersion: stored.latestVersion, isNew: false, conflict: null, saved: stored.document as unknown as D });
    } catch (error) {
      store.set(failure<D>(error));
      return false;
    }
    return save();
  }, [api, kind, key, save, store]);

  const update = useCallback(
    (recipe: (draft: D) => D, label?: string) => store.set((cur) => ({ history: record(cur.history, recipe(cur.history.present), label), outcome: null })),
    [store],
  );
  const undoStep = useCallback(() => store.set((cur) => ({ history: undo(cur.history) })), [store]);
  const redoStep = useCallback(() => store.set((cur) => ({ history: redo(cur.history) })), [store]);
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  const document = state.history.present;
  const dirty = document !== state.saved;
  useUnsavedChangesWarning(dirty);

  const publishState = useMemo((): PublishState => {
    if (state.latestVersion === null) return 'draft';
    if (state.published === null) return dirty ? 'modified' : 'published';
    return sameDocument(document, state.published) ? 'published' : 'modified';
  }, [document, dirty, state.latestVersion, state.published]);

  return {
    status: state.status,
    error: state.error,
    document,
    revision: state.revision,
    latestVersion: state.latestVersion,
    published: state.published,
    isNew: state.isNew,
    dirty,
    publishState,
    update,
    undo: undoStep,
    redo: redoStep,
    canUndo: state.history.past.length > 0,
    canRedo: state.history.future.length > 0,
    save,
    saving: state.saving,
    publish,
    publishing: state.publishing,
    outcome: state.outcome,
    problems: state.problems,
    conflict: state.conflict,
    reload,
    overwrite,
  };
}

/** The browser asks before closing a tab with unsaved changes. */
function useUnsavedChangesWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
