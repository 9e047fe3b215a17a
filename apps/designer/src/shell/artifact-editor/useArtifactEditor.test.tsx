import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, problem, sequence } from '@bankforge/app-shell/testing';
import { useArtifactEditor, type EditableArtifact } from './useArtifactEditor.js';

afterEach(cleanup);

interface Doc extends EditableArtifact {
  kind: 'entity';
  note: string;
}

const stored: Doc = { kind: 'entity', key: 'customer', title: 'Customer', note: 'stored' };
const DRAFT = 'GET /api/artifacts/entity/customer';
const SAVE = 'PUT /api/artifacts/entity/customer';
const fresh = (): Doc => ({ kind: 'entity', key: 'customer', title: 'New', note: '' });

function open(routes: Parameters<typeof fakeApi>[0]) {
  const server = fakeApi(routes);
  const hook = renderHook(() => useArtifactEditor<Doc>('entity', 'customer', fresh, server.client));
  return { server, hook, editor: () => hook.result.current };
}

async function ready(editor: () => { status: string }) {
  await waitFor(() => expect(editor().status).toBe('ready'));
}

const setNote = (note: string) => (d: Doc) => ({ ...d, note });

describe('useArtifactEditor', () => {
  it('loads the draft with its revision and published state', async () => {
    const { editor } = open({
      [DRAFT]: { body: { document: stored, revision: 4, latestVersion: 2 } },
      [`${DRAFT}?version=2`]: { body: { document: { ...stored, version: 2 } } },
    });
    expect(editor().status).toBe('loading');
    await ready(editor);
    expect(editor().document).toEqual(stored);
    expect(editor().revision).toBe(4);
    expect(editor().latestVersion).toBe(2);
    expect(editor().isNew).toBe(false);
    expect(editor().dirty).toBe(false);
    await waitFor(() => expect(editor().publishState).toBe('published'));
    act(() => editor().update(setNote('changed')));
    expect(editor().publishState).toBe('modified');
  });

  it('starts a new document when there is no draft (404)', async () => {
    const { editor } = open({ [DRAFT]: problem(404, 'artifactNotFound') });
    await ready(editor);
    expect(editor().isNew).toBe(true);
    expect(editor().document.title).toBe('New');
    expect(editor().revision).toBeUndefined();
    expect(editor().publishState).toBe('draft');
  });

  it('reports a load failure other than 404', async () => {
    const { editor } = open({ [DRAFT]: problem(403, 'forbidden') });
    await waitFor(() => expect(editor().status).toBe('error'));
    expect(editor().error?.code).toBe('forbidden');
  });

  it('undoes and redoes updates, merging consecutive ones with one label', async () => {
    const { editor } = open({ [DRAFT]: { body: { document: stored, revision: 1, latestVersion: null } } });
    await ready(editor);
    act(() => editor().update(setNote('a'), 'note'));
    act(() => editor().update(setNote('ab'), 'note'));
    act(() => editor().update((d) => ({ ...d, title: 'T' }), 'title'));
    expect(editor().dirty).toBe(true);
    act(() => editor().undo());
    expect(editor().document).toMatchObject({ note: 'ab', title: 'Customer' });
    act(() => editor().undo());
    expect(editor().document).toEqual(stored);
    expect(editor().dirty).toBe(false);
    expect(editor().canUndo).toBe(false);
    act(() => editor().redo());
    expect(editor().document.note).toBe('ab');
    expect(editor().canRedo).toBe(true);
  });

  it('saves with If-Match of the loaded revision and becomes clean', async () => {
    const { editor, server } = open({
      [DRAFT]: { body: { document: stored, revision: 7, latestVersion: null } },
      [SAVE]: (request) => ({ body: { document: request.body, revision: 8, latestVersion: null } }),
    });
    await ready(editor);
    act(() => editor().update(setNote('edited')));
    let saved = false;
    await act(async () => {
      saved = await editor().save();
    });
    expect(saved).toBe(true);
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"7"');
    expect(put.body).toEqual({ ...stored, note: 'edited' });
    expect(editor().revision).toBe(8);
    expect(editor().dirty).toBe(false);
    // An unchanged document is not sent again.
    await act(async () => {
      await editor().save();
    });
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('saves a new artifact as revision 0, so one created meanwhile is a conflict', async () => {
    const { editor, server } = open({
      [DRAFT]: problem(404, 'artifactNotFound'),
      [SAVE]: (request) => ({ body: { document: request.body, revision: 1, latestVersion: null } }),
    });
    await ready(editor);
    await act(async () => {
      await editor().save();
    });
    expect(server.requests.at(-1)!.headers['if-match']).toBe('"0"');
    expect(editor().isNew).toBe(false);
    expect(editor().revision).toBe(1);
  });

  it('explains a stale revision (409) and can overwrite with this edit', async () => {
    const { editor, server } = open({
      [DRAFT]: sequence({ body: { document: stored, revision: 3, latestVersion: null } }, { body: { document: { ...stored, note: 'theirs' }, revision: 5, latestVersion: null } }),
      [SAVE]: sequence(problem(409, 'staleRevision', { currentRevision: 5 }), { body: { document: { ...stored, note: 'mine' }, revision: 6, latestVersion: null } }),
    });
    await ready(editor);
    act(() => editor().update(setNote('mine')));
    await act(async () => {
      expect(await editor().save()).toBe(false);
    });
    expect(editor().conflict?.code).toBe('staleRevision');
    expect(editor().dirty).toBe(true);
    await act(async () => {
      expect(await editor().overwrite()).toBe(true);
    });
    const puts = server.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.headers['if-match'])).toEqual(['"3"', '"5"']);
    expect(puts[1]!.body).toMatchObject({ note: 'mine' });
    expect(editor().conflict).toBeNull();
    expect(editor().revision).toBe(6);
  });

  it('reload drops local changes and takes the stored draft', async () => {
    const { editor } = open({
      [DRAFT]: sequence({ body: { document: stored, revision: 3, latestVersion: null } }, { body: { document: { ...stored, note: 'theirs' }, revision: 5, latestVersion: null } }),
    });
    await ready(editor);
    act(() => editor().update(setNote('mine')));
    act(() => editor().reload());
    await waitFor(() => expect(editor().document.note).toBe('theirs'));
    expect(editor().revision).toBe(5);
    expect(editor().canUndo).toBe(false);
  });

  it('keeps the 422 problems of a save for the designer to show', async () => {
    const errors = [{ path: '/fields/0/key', code: 'pattern', message: 'bad key', messageZh: '键无效' }];
    const { editor } = open({
      [DRAFT]: { body: { document: stored, revision: 1, latestVersion: null } },
      [SAVE]: problem(422, 'invalidArtifact', { errors }),
    });
    await ready(editor);
    act(() => editor().update(setNote('x')));
    await act(async () => {
      await editor().save();
    });
    expect(editor().problems).toEqual(errors);
    expect(editor().error).toBeNull();
    expect(editor().dirty).toBe(true);
  });

  it('publishes after saving and records the new version', async () => {
    const { editor, server } = open({
      [DRAFT]: { body: { document: stored, revision: 1, latestVersion: null } },
      [SAVE]: (request) => ({ body: { document: request.body, revision: 2, latestVersion: null } }),
      'POST /api/artifacts/entity/customer/publish': { body: { kind: 'entity', key: 'customer', version: 1, unchanged: false } },
    });
    await ready(editor);
    act(() => editor().update(setNote('x')));
    await act(async () => {
      expect(await editor().publish(true)).toMatchObject({ version: 1 });
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([DRAFT, SAVE, 'POST /api/artifacts/entity/customer/publish']);
    expect(server.requests.at(-1)!.body).toEqual({ confirm: 'data-loss' });
    expect(editor().latestVersion).toBe(1);
    expect(editor().publishState).toBe('published');
  });

  it('keeps a refused publish as the error to show', async () => {
    const { editor } = open({
      [DRAFT]: { body: { document: stored, revision: 1, latestVersion: null } },
      'POST /api/artifacts/entity/customer/publish': problem(409, 'dataLossNotConfirmed'),
    });
    await ready(editor);
    await act(async () => {
      expect(await editor().publish()).toBeNull();
    });
    expect(editor().error?.code).toBe('dataLossNotConfirmed');
    expect(editor().publishing).toBe(false);
  });
});
