import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClientProvider } from '@bankforge/app-shell';
import { useArtifactEditor, type EditableArtifact } from './artifact-editor/index.js';
import { PublishBar } from './PublishBar.js';
import { fakeApi, problem, sequence, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { initTestI18n } from './testing/i18n.js';

beforeAll(() => initTestI18n('en'));
afterEach(async () => {
  cleanup();
  await initTestI18n('en');
});

interface Doc extends EditableArtifact {
  kind: 'form';
  note: string;
}
const doc: Doc = { kind: 'form', key: 'customer_form', title: 'Customer form', note: '' };
const DRAFT = 'GET /api/artifacts/form/customer_form';
const SAVE = 'PUT /api/artifacts/form/customer_form';
const PUBLISH = 'POST /api/artifacts/form/customer_form/publish';

function Editor() {
  const editor = useArtifactEditor<Doc>('form', 'customer_form', () => doc);
  return (
    <>
      <label>
        Note
        <input value={editor.document.note} onChange={(e) => editor.update((d) => ({ ...d, note: e.target.value }), 'note')} />
      </label>
      <PublishBar editor={editor} />
    </>
  );
}

async function renderBar(routes: Record<string, FakeHandler | FakeResponse>) {
  const server = fakeApi(routes);
  render(
    <ApiClientProvider client={server.client}>
      <Editor />
    </ApiClientProvider>,
  );
  await screen.findByText('Draft');
  return { server, user: userEvent.setup() };
}

describe('PublishBar', () => {
  it("shows the server's warnings with the published version, in English and Chinese", async () => {
    const warning = { path: '/validations/0/expression', code: 'expressionBudgetRisk', message: 'This loop runs 3000000 times', messageZh: '此循环运行 3000000 次' };
    const { user } = await renderBar({
      [DRAFT]: { body: { document: doc, revision: 2, latestVersion: null } },
      [PUBLISH]: { body: { kind: 'form', key: 'customer_form', version: 1, unchanged: false, warnings: [warning] } },
    });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published, with 1 warning: worth a look')).toBeTruthy();
    expect(screen.getByText('This loop runs 3000000 times')).toBeTruthy();
    expect(screen.getByText('/validations/0/expression')).toBeTruthy();
    await initTestI18n('zh-CN');
    expect(await screen.findByText('已发布，有 1 条提醒，值得一看')).toBeTruthy();
    expect(screen.getByText('此循环运行 3000000 次')).toBeTruthy();
  });


  it('shows draft state, saves and publishes, then shows the published version', async () => {
    const { server, user } = await renderBar({
      [DRAFT]: { body: { document: doc, revision: 2, latestVersion: null } },
      [SAVE]: (r) => ({ body: { document: r.body, revision: 3, latestVersion: null } }),
      [PUBLISH]: { body: { kind: 'form', key: 'customer_form', version: 1, unchanged: false } },
    });
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByLabelText('Note'), 'hi');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Draft saved')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published version 1')).toBeTruthy();
    expect(screen.getByText('Published v1')).toBeTruthy();
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'POST']);
  });

  it('lists the problems of a refused save in the current language', async () => {
    const errors = [{ path: '/layout/0/field', code: 'unknownField', message: 'No field "x"', messageZh: '没有字段 "x"' }];
    const { user } = await renderBar({
      [DRAFT]: { body: { document: doc, revision: 2, latestVersion: null } },
      [SAVE]: problem(422, 'invalidArtifact', { errors }),
    });
    await user.type(screen.getByLabelText('Note'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('1 problem to fix before saving')).toBeTruthy();
    expect(screen.getByText('/layout/0/field')).toBeTruthy();
    expect(screen.getByText('No field "x"')).toBeTruthy();
    await initTestI18n('zh-CN');
    expect(await screen.findByText('没有字段 "x"')).toBeTruthy();
  });

  it('explains a conflict and reloads their version on request', async () => {
    const { user } = await renderBar({
      [DRAFT]: sequence({ body: { document: doc, revision: 2, latestVersion: null } }, { body: { document: { ...doc, note: 'theirs' }, revision: 4, latestVersion: null } }),
      [SAVE]: problem(409, 'staleRevision', { currentRevision: 4 }),
    });
    await user.type(screen.getByLabelText('Note'), 'mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Someone else changed this draft')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reload their version' }));
    expect(await screen.findByDisplayValue('theirs')).toBeTruthy();
    expect(screen.queryByText('Someone else changed this draft')).toBeNull();
  });

  it('explains an ended session and links to the login page, keeping the changes', async () => {
    const { user } = await renderBar({
      [DRAFT]: { body: { document: doc, revision: 2, latestVersion: null } },
      [SAVE]: problem(401, 'unauthenticated'),
    });
    await user.type(screen.getByLabelText('Note'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const link = await screen.findByRole('link', { name: 'Sign in (opens a new tab)' });
    expect(link.getAttribute('href')).toMatch(/^\/login\?next=/);
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('x');
  });

  it('undoes from its button', async () => {
    const { user } = await renderBar({ [DRAFT]: { body: { document: doc, revision: 2, latestVersion: null } } });
    await user.type(screen.getByLabelText('Note'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('');
    expect((screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
