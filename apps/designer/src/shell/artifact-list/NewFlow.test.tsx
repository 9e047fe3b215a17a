import { fakeApi, problem, renderPage } from '@bankforge/app-shell/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactList } from '../ArtifactList.js';
import { initTestI18n } from '../testing/i18n.js';

beforeAll(() => initTestI18n('en'));
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe('New flow', () => {
  it('stores a flow drawn from a start joined to an end, named by the title and the Chinese name given, and opens the flow designer', async () => {
    const server = fakeApi({
      'GET /api/artifacts/entity': { body: [] },
      'PUT /api/artifacts/flow/small_loan': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    renderPage(<ArtifactList />, server.client);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'New flow' }));
    const dialog = screen.getByRole('dialog', { name: 'New flow' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Key' }), 'small_loan');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Small business loan');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name in Chinese' }), '小微企业贷款');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await screen.findByTestId('destination')).textContent).toBe('/flow/small_loan');
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"0"');
    expect(put.body).toMatchObject({
      kind: 'flow',
      key: 'small_loan',
      title: 'Small business loan',
      label: { en: 'Small business loan', 'zh-CN': '小微企业贷款' },
      nodes: [{ id: 'start', type: 'start' }, { id: 'end', type: 'end' }],
      edges: [{ source: 'start', target: 'end' }],
    });
  });

  it('asks the Chinese name in Chinese, reached by the keyboard after the title, and refuses to create without it', async () => {
    await i18next.changeLanguage('zh-CN');
    const server = fakeApi({
      'GET /api/artifacts/entity': { body: [] },
      'PUT /api/artifacts/flow/small_loan': (r) => ({ body: { document: r.body, revision: 1, latestVersion: null } }),
    });
    renderPage(<ArtifactList />, server.client);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '新建流程' }));
    const dialog = screen.getByRole('dialog', { name: '新建流程' });
    await user.type(within(dialog).getByRole('textbox', { name: '键' }), 'small_loan');
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: '标题' }));
    await user.keyboard('Small business loan');
    await user.tab();
    const nameZh = within(dialog).getByRole('textbox', { name: '中文名称' });
    expect(document.activeElement).toBe(nameZh);
    await user.keyboard('{Enter}');
    expect(nameZh.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(nameZh.getAttribute('aria-describedby')!)?.textContent).toBe('请填写中文名称。');
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
    await user.type(nameZh, '小微企业贷款{Enter}');
    expect((await screen.findByTestId('destination')).textContent).toBe('/flow/small_loan');
    expect(server.requests.find((r) => r.method === 'PUT')!.body).toMatchObject({ title: 'Small business loan', label: { en: 'Small business loan', 'zh-CN': '小微企业贷款' } });
  });

  it('says where a refused create’s problems are by the dialog’s labels, in English and Chinese, the pointer kept as the tooltip', async () => {
    const refusal = problem(422, 'artifactInvalid', {
      errors: [
        { path: '/label/zh-CN', code: 'maxLength', message: 'label is too long', messageZh: '名称太长' },
        { path: '/key', code: 'pattern', message: 'key has a bad form', messageZh: '键格式不对' },
      ],
    });
    for (const [language, words] of [
      ['en', { button: 'New flow', key: 'Key', title: 'Title', nameZh: 'Name in Chinese', create: 'Create' }],
      ['zh-CN', { button: '新建流程', key: '键', title: '标题', nameZh: '中文名称', create: '创建' }],
    ] as const) {
      await i18next.changeLanguage(language);
      const server = fakeApi({ 'GET /api/artifacts/entity': { body: [] }, 'PUT /api/artifacts/flow/small_loan': refusal });
      renderPage(<ArtifactList />, server.client);
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: words.button }));
      const dialog = screen.getByRole('dialog', { name: words.button });
      await user.type(within(dialog).getByRole('textbox', { name: words.key }), 'small_loan');
      await user.type(within(dialog).getByRole('textbox', { name: words.title }), 'Small business loan');
      await user.type(within(dialog).getByRole('textbox', { name: words.nameZh }), '小微企业贷款');
      await user.click(within(dialog).getByRole('button', { name: words.create }));
      const alert = await within(dialog).findByRole('alert');
      expect(within(alert).getByText(words.nameZh).getAttribute('title')).toBe('/label/zh-CN');
      expect(within(alert).getByText(words.key).getAttribute('title')).toBe('/key');
      expect(within(alert).queryByText('/label/zh-CN')).toBeNull();
      cleanup();
    }
  });
});
