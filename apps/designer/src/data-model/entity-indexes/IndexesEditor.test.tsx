import type { EntityDefinition, FieldDefinition, FieldType } from '@bankforge/data-model';
import { customerEntity } from '@bankforge/data-model/testing';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeApi, type FakeHandler, type FakeResponse, problem, type RecordedRequest, renderPage } from '@bankforge/app-shell/testing';
import { initTestI18n } from '../../shell/testing/i18n.js';
import EntityDesigner from '../EntityDesigner.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const SAVE = 'PUT /api/artifacts/entity/customer';

const field = (key: string, type: FieldType, en: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en, 'zh-CN': en }, ...extra });

/** A loan book kept on the customer entity's address: what a dashboard filters and groups on, and what no index may hold. */
const loans = (indexes?: EntityDefinition['indexes']): EntityDefinition => ({
  ...customerEntity,
  fields: [
    field('status', 'singleSelect', 'Status', { options: [{ value: 'draft', label: { en: 'Draft', 'zh-CN': '草稿' } }] }),
    field('branch', 'reference', 'Branch', { reference: { entity: 'branch' } }),
    field('amount', 'money', 'Amount'),
    field('purpose', 'longText', 'Purpose'),
    field('resident_id', 'residentId', 'Resident ID', { sensitive: true }),
  ],
  ...(indexes ? { indexes } : {}),
});

function openDesigner(document: EntityDefinition, routes: Record<string, FakeHandler | FakeResponse> = {}) {
  let revision = 1;
  const server = fakeApi({
    'GET /api/artifacts/entity/customer': { body: { document, revision, latestVersion: null } },
    'GET /api/artifacts/entity': { body: [] },
    [SAVE]: (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    ...routes,
  });
  renderPage(<EntityDesigner />, server.client, { path: '/entity/customer', pattern: '/entity/:key' });
  return { server, user: userEvent.setup() };
}

const saved = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT').at(-1)!.body as EntityDefinition;
const optionValues = (select: HTMLElement) => Array.from((select as HTMLSelectElement).options, (o) => o.value);

describe('the indexes of an entity', () => {
  it('adds an index, adds two fields, moves one by keyboard, and saves them in order', async () => {
    const { server, user } = openDesigner(loans());
    await user.click(await screen.findByRole('tab', { name: 'Indexes' }));
    expect(screen.getByText(/Indexes speed up reports and dashboards/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add index' }));
    const key = screen.getByRole('textbox', { name: 'Key of index 1' });
    // The new index is named index_1, with the cursor in its key.
    expect((key as HTMLInputElement).value).toBe('index_1');
    expect(document.activeElement).toBe(key);
    await user.clear(key);
    await user.paste('by_status');

    const choose = screen.getByRole('combobox', { name: 'Field to add to index 1' });
    // Long text and encrypted (sensitive) values do not order: not offered. System columns are, by name.
    expect(optionValues(choose)).toEqual(['status', 'branch', 'amount', 'owner_id', 'created_at', 'updated_at', 'created_by', 'updated_by']);
    expect(within(choose).getByRole('option', { name: 'Created at (created_at)' })).toBeTruthy();
    await user.selectOptions(choose, 'status');
    await user.click(screen.getByRole('button', { name: 'Add to index 1' }));
    expect(optionValues(choose)).not.toContain('status');
    await user.selectOptions(choose, 'created_at');
    await user.click(screen.getByRole('button', { name: 'Add to index 1' }));

    // By keyboard: created_at up to first; the focus stays on its row (on the button still enabled).
    screen.getByRole('button', { name: 'Move created_at up in index 1' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move created_at down in index 1' }));
    const rows = within(screen.getByRole('list', { name: /^Fields of index 1/ })).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('Created at (created_at)'), expect.stringContaining('Status (status)')]);

    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests).indexes).toEqual([{ key: 'by_status', fields: ['created_at', 'status'] }]);
  });

  it('shows each problem beside the index key or field it names, and one about the whole list under it', async () => {
    const errors = [
      { path: '/indexes/1/key', code: 'duplicateIndexKey', message: 'the index key "by_status" is used by another index', messageZh: '索引键 "by_status" 已被其他索引使用' },
      { path: '/indexes/1/fields/1', code: 'unknownIndexField', message: 'the index names "old_status", which is not a field of this entity', messageZh: '索引中的 "old_status" 不是本实体的字段' },
      { path: '/indexes/1/fields', code: 'indexTooLong', message: 'the index’s columns take up to 3100 bytes', messageZh: '索引的列最多占用 3100 字节' },
    ];
    const { user } = openDesigner(
      loans([
        { key: 'by_status', fields: ['status'] },
        { key: 'by_status', fields: ['branch', 'old_status'] },
      ]),
      { [SAVE]: problem(422, 'invalidArtifact', { errors }) },
    );
    await user.click(await screen.findByRole('tab', { name: 'Indexes' }));
    await user.click(screen.getByRole('button', { name: 'Move branch down in index 2' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('3 problems to fix before saving')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Key of index 1' }).getAttribute('aria-invalid')).toBeNull();
    const key = screen.getByRole('textbox', { name: 'Key of index 2' });
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(key.closest('.form-row')!.textContent).toContain('the index key "by_status" is used by another index');
    // Beside the second row of index 2 (the pointer's), which the move made branch's.
    const row = screen.getAllByTestId('index-field-branch').find((r) => within(r).queryByRole('button', { name: 'Remove branch from index 2' }))!;
    expect(within(row).getByText('the index names "old_status", which is not a field of this entity')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Remove branch from index 2' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(within(screen.getByTestId('index-field-old_status')).queryByText(/not a field/)).toBeNull();
    const list = screen.getByRole('list', { name: /^Fields of index 2/ });
    expect(document.getElementById(list.getAttribute('aria-describedby')!)!.textContent).toBe('the index’s columns take up to 3100 bytes');
    expect(within(screen.getByRole('group', { name: 'Index 2' })).getByText('the index’s columns take up to 3100 bytes')).toBeTruthy();
  });

  it('follows a renamed field and a deleted one from the Fields tab; removing the last index drops the property', async () => {
    const { server, user } = openDesigner(loans([{ key: 'by_status', fields: ['status', 'amount'] }, { key: 'by_amount', fields: ['amount'] }]));
    await user.click(await screen.findByRole('button', { name: 'Edit status' }));
    const keyBox = screen.getByRole('textbox', { name: 'Key' });
    await user.clear(keyBox);
    await user.paste('loan_status');
    await user.click(screen.getByRole('button', { name: 'Delete amount' }));
    await user.click(screen.getByRole('tab', { name: 'Indexes' }));
    // by_amount held only amount: it went with it.
    expect(screen.queryByRole('textbox', { name: 'Key of index 2' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove loan_status from index 1' })).toBeTruthy();
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests).indexes).toEqual([{ key: 'by_status', fields: ['loan_status'] }]);

    await user.click(screen.getByRole('button', { name: 'Delete index 1' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add index' }));
    expect(screen.getByText('No indexes yet.')).toBeTruthy();
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText('Draft saved');
    expect(saved(server.requests)).not.toHaveProperty('indexes');
  });

  it('undoes an index edit', async () => {
    const { user } = openDesigner(loans([{ key: 'by_status', fields: ['status', 'branch'] }]));
    await user.click(await screen.findByRole('tab', { name: 'Indexes' }));
    await user.click(screen.getByRole('button', { name: 'Remove status from index 1' }));
    expect(screen.queryByRole('button', { name: 'Remove status from index 1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: 'Remove status from index 1' })).toBeTruthy();
  });
});

describe('the indexes of an entity, in Chinese', () => {
  afterEach(() => initTestI18n('en'));

  it('labels the controls and shows the problems in Simplified Chinese', async () => {
    await initTestI18n('zh-CN');
    const errors = [{ path: '/indexes/0/fields/0', code: 'indexFieldType', message: 'the index cannot hold "purpose", a longText field', messageZh: '索引不能包含 longText 类型的字段 "purpose"' }];
    const { user } = openDesigner(loans([{ key: 'by_purpose', fields: ['purpose'] }]), { [SAVE]: problem(422, 'invalidArtifact', { errors }) });
    await user.click(await screen.findByRole('tab', { name: '索引' }));
    expect(screen.getByText('索引可加快对大量记录进行筛选和分组的报表和仪表盘。已删除记录总是先被排除。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '添加索引' })).toBeTruthy();
    expect(within(screen.getByRole('combobox', { name: '要添加到索引 1 的字段' })).getByRole('option', { name: '负责人 (owner_id)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '添加到索引 1' }));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await within(screen.getByTestId('index-field-purpose')).findByText('索引不能包含 longText 类型的字段 "purpose"')).toBeTruthy();
  });
});
