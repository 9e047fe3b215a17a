import type { AutomationAction } from '@bankforge/flow-engine';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { problem, renderPage, sequence, type FakeHandler, type FakeResponse, type RecordedRequest } from '@bankforge/app-shell/testing';
import { FeelEditorModeContext } from '../form-designer/feel-editor/FeelEditor.js';
import { initTestI18n } from '../shell/testing/i18n.js';
import AutomationDesigner from './AutomationDesigner.js';
import type { AutomationDocument } from './model/automation-document.js';
import { automationServer, run, tagHighPotential } from './testing/automation-server.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

function openDesigner(draft: AutomationDocument = tagHighPotential(), routes: Record<string, FakeHandler | FakeResponse> = {}, latestVersion: number | null = null) {
  const server = automationServer(draft, routes, latestVersion);
  // The FEEL editors stay plain text boxes: Monaco cannot lay out in jsdom.
  renderPage(
    <FeelEditorModeContext.Provider value="plain">
      <AutomationDesigner />
    </FeelEditorModeContext.Provider>,
    server.client,
    { path: `/automation/${draft.key}`, pattern: '/automation/:key' },
  );
  return { server, user: userEvent.setup() };
}

const saved = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT').at(-1)!.body as AutomationDocument;
/** The published customer is loaded: its fields are offered. */
const loaded = () => screen.findByRole('option', { name: 'Customer (customer)' });
/** One start time per run (a run's steps, expanded, are a table of their own). */
const runRows = (table: HTMLElement) => table.querySelectorAll('time').length;
/** What the live region said last. */
const announced = () => document.querySelector('main > p[role="status"]')?.textContent;
const actionIds = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

const withActions = (actions: AutomationAction[]): AutomationDocument => ({ ...tagHighPotential(), actions });
const tags: AutomationAction = { id: 'setTags_1', type: 'setTags', field: 'tags', add: ['high_potential'] };
const wait: AutomationAction = { id: 'wait_1', type: 'wait', duration: 'P2D' };
const notify: AutomationAction = { id: 'notify_1', type: 'notify', to: { owner: true }, message: { en: 'Call {name}', 'zh-CN': '联系 {name}' } };

describe('AutomationDesigner', () => {
  it('builds "tag high-potential customers" by keyboard and mouse, and saves what the contract says', async () => {
    const { server, user } = openDesigner();
    expect(await screen.findByRole('heading', { name: 'Automation: Tag high-potential customers' })).toBeTruthy();
    await loaded();
    expect((screen.getByRole('combobox', { name: 'Entity' }) as HTMLSelectElement).value).toBe('customer');
    expect((screen.getByRole('checkbox', { name: 'Updated' }) as HTMLInputElement).checked).toBe(true);
    // The condition's help names old/new/changed on one of the customer's own number fields, and lists its fields.
    expect(screen.getByText(/list contains\(changed, "aum"\) and number\(new.aum.amount\) >= 1000000/)).toBeTruthy();
    // Each field by its label with the key the FEEL reads; a sensitive one is not offered.
    const fieldsHint = screen.getByText(/Fields: /).textContent ?? '';
    expect(fieldsHint).toContain('Fields: Customer number (customer_no), Name (name), ');
    expect(fieldsHint).not.toContain('resident_id');
    await user.click(screen.getByRole('checkbox', { name: 'Created' }));
    await user.type(screen.getByRole('textbox', { name: 'Only when (FEEL)' }), 'list contains(changed, "aum") and new.aum >= 1000000');

    // The Add action menu opens on the first type; arrows move, Enter picks.
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    const menu = screen.getByRole('menu', { name: 'Action types' });
    expect(within(menu).getAllByRole('menuitem')).toHaveLength(10);
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Update the record' }));
    // Escape closes it and gives the focus back to its button; so does the focus going elsewhere.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add action' }));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('heading', { name: 'Then, in order' }));
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    const card = screen.getByRole('listitem', { name: '1. Add or remove tags' });
    // The customer's tag field is chosen at once; its options are checkboxes.
    expect((within(card).getByRole('combobox', { name: 'Tag field' }) as HTMLSelectElement).value).toBe('tags');
    await user.click(within(card).getByRole('checkbox', { name: 'Add High potential' }));
    await user.click(within(card).getByRole('checkbox', { name: 'Remove Churn risk' }));
    // An option is added or removed, not both.
    await user.click(within(card).getByRole('checkbox', { name: 'Add Churn risk' }));
    expect((within(card).getByRole('checkbox', { name: 'Remove Churn risk' }) as HTMLInputElement).checked).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests)).toEqual({
      ...tagHighPotential(),
      trigger: { type: 'record', entity: 'customer', on: ['created', 'updated'], condition: 'list contains(changed, "aum") and new.aum >= 1000000' },
      actions: [{ id: 'setTags_1', type: 'setTags', field: 'tags', add: ['high_potential', 'churn_risk'], remove: [] }],
    });
  });

  it('moves actions with the buttons and Alt+ArrowUp/Down (the focus stays put), duplicates, removes, and undoes with Ctrl+Z', async () => {
    const { user } = openDesigner(withActions([tags, wait, notify]));
    await loaded();
    expect(actionIds()).toEqual(['1. Add or remove tags', '2. Wait', '3. Notify']);
    await user.click(screen.getByRole('button', { name: 'Move 3. Notify up' }));
    expect(actionIds()).toEqual(['1. Add or remove tags', '2. Notify', '3. Wait']);
    expect(announced()).toBe('Moved to position 2.');

    const duration = screen.getByRole('textbox', { name: 'Wait for (ISO 8601 duration)' });
    duration.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(actionIds()).toEqual(['1. Add or remove tags', '2. Wait', '3. Notify']);
    expect(document.activeElement).toBe(duration);
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(actionIds()).toEqual(['1. Wait', '2. Add or remove tags', '3. Notify']);
    // At the top: nothing moves.
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(actionIds()).toEqual(['1. Wait', '2. Add or remove tags', '3. Notify']);

    await user.click(screen.getByRole('button', { name: 'Duplicate 1. Wait' }));
    expect(actionIds()).toEqual(['1. Wait', '2. Wait', '3. Add or remove tags', '4. Notify']);
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: '2. Wait' }));
    await user.click(screen.getByRole('button', { name: 'Remove 4. Notify' }));
    expect(actionIds()).toEqual(['1. Wait', '2. Wait', '3. Add or remove tags']);
    expect(announced()).toBe('Removed 4. Notify.');

    // Undo outside a text box walks the history back.
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(actionIds()).toEqual(['1. Wait', '2. Wait', '3. Add or remove tags', '4. Notify']));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(actionIds()).toEqual(['1. Wait', '2. Add or remove tags', '3. Notify']));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(actionIds()).toEqual(['1. Wait', '2. Wait', '3. Add or remove tags', '4. Notify']));
  });

  it('shows the server’s problems beside the trigger field and the action field their pointers name', async () => {
    const refused = problem(422, 'invalidArtifact', {
      errors: [
        { path: '/trigger/condition', code: 'feelSyntax', message: 'The condition does not parse', messageZh: '条件无法解析' },
        { path: '/actions/1/duration', code: 'duration', message: 'Not a duration' },
      ],
    });
    const { user } = openDesigner(withActions([tags, wait]), { 'PUT /api/artifacts/automation/tag_high_potential': refused });
    await loaded();
    await user.type(screen.getByRole('textbox', { name: 'Only when (FEEL)' }), 'new.aum >');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const condition = await screen.findByRole('textbox', { name: 'Only when (FEEL)' });
    await waitFor(() => expect(condition.getAttribute('aria-invalid')).toBe('true'));
    const conditionRow = condition.closest('.form-row') as HTMLElement;
    expect(within(conditionRow).getByText('The condition does not parse')).toBeTruthy();
    const waitCard = screen.getByRole('listitem', { name: '2. Wait' });
    expect(within(waitCard).getByText('1 problem in this action')).toBeTruthy();
    const duration = within(waitCard).getByRole('textbox', { name: 'Wait for (ISO 8601 duration)' });
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(duration.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('Not a duration');
    // The summary at the top says where in words; the pointer is only the words' tooltip.
    const summary = screen.getByText('Action 2 › Duration').closest('.problem-list') as HTMLElement;
    expect(within(summary).getByText('Trigger › Condition').getAttribute('title')).toBe('/trigger/condition');
    expect(within(summary).getByText('Action 2 › Duration').getAttribute('title')).toBe('/actions/1/duration');
    expect(summary.textContent).not.toContain('/actions/1/duration');
  });

  it('checks the draft as the engine does while it is edited: the problem beside its field, Publish held back until it is fixed', async () => {
    const { user } = openDesigner(withActions([tags, wait]));
    await loaded();
    const duration = screen.getByRole('textbox', { name: 'Wait for (ISO 8601 duration)' });
    await user.clear(duration);
    await user.type(duration, 'two days');
    expect(within(duration.closest('.form-row') as HTMLElement).getByText('TWO DAYS is not a positive ISO 8601 duration (such as P2D or PT4H)')).toBeTruthy();
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(within(screen.getByRole('listitem', { name: '2. Wait' })).getByText('1 problem in this action')).toBeTruthy();
    const publish = screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    expect(screen.getByText('1 problem to fix before publishing')).toBeTruthy();
    await user.clear(duration);
    await user.type(duration, 'p2d');
    expect(publish.disabled).toBe(false);
    expect(duration.getAttribute('aria-invalid')).toBeNull();
  });

  it('says on the card when an action needs a record the trigger never has', async () => {
    const { user } = openDesigner(withActions([tags]));
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'inbound');
    await user.selectOptions(screen.getByRole('combobox', { name: 'The run’s record is a' }), '');
    const card = screen.getByRole('listitem', { name: '1. Add or remove tags' });
    expect(within(card).getByText('the action "setTags_1" works on the run\'s record, and this trigger names no entity')).toBeTruthy();
  });

  it('switches the trigger type keeping the entity, and offers each type its fields', async () => {
    const { server, user } = openDesigner();
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'schedule');
    expect((screen.getByRole('combobox', { name: 'For each record of' }) as HTMLSelectElement).value).toBe('customer');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Every' }), 'week');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Weekday' }), '5');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Business calendar' }), 'cn_mainland');
    // The audience is built, not typed: a condition on one of the customer's fields, its value one of the field's options.
    const audience = screen.getByRole('group', { name: 'Only records matching' });
    expect(within(audience).getByText('Every Customer record is reached (of the segment, when one is chosen). Add a condition to reach fewer.')).toBeTruthy();
    expect(within(audience).queryByRole('option', { name: 'Mobile' })).toBeNull();
    await user.click(within(audience).getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(within(audience).getByRole('combobox', { name: 'Field of condition 1' }), 'kyc_status');
    await user.selectOptions(within(audience).getByRole('combobox', { name: 'Value of condition 1' }), 'pending');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests).trigger).toEqual({
      type: 'schedule',
      every: 'week',
      weekday: 5,
      at: '09:00',
      timeZone: 'Asia/Shanghai',
      calendar: 'cn_mainland',
      entity: 'customer',
      filter: { field: 'kyc_status', op: 'eq', value: 'pending' },
    });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'case');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Flow' }), 'wealth_followup');
    expect(screen.getByRole('checkbox', { name: 'Task completed' })).toBeTruthy();
    // The case's record is of the flow's entity: an action's field picker offers its fields.
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    await user.click(screen.getByRole('menuitem', { name: 'Update the record' }));
    expect(await screen.findByRole('option', { name: 'Segment (segment)' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'inbound');
    await user.type(screen.getByRole('textbox', { name: 'Event name' }), 'app_rate_view');
    expect(screen.getByText('Other systems post it to /api/automations/events/app_rate_view (lower_snake_case).')).toBeTruthy();
  });

  it('names a shared saved segment as a schedule’s audience (a private one is not offered), by keyboard', async () => {
    const segment = (id: string, name: string, sharing: string) => ({ id, entity: 'customer', name, filter: { field: 'segment', op: 'eq', value: 'private' }, sort: [], sharing, owner: { id: 'u1', name: 'huang_lei' }, mine: false, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' });
    const { server, user } = openDesigner(tagHighPotential(), {
      'GET /api/segments?entity=customer': { body: { items: [segment('0193a1f0-5c00-7000-8000-00000000a001', 'Private banking', 'branch'), segment('0193a1f0-5c00-7000-8000-00000000a002', 'My scratch list', 'private')] } },
    });
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trigger' }), 'schedule');
    const choice = await screen.findByRole('combobox', { name: 'Audience: a saved segment' });
    expect(await within(choice).findByRole('option', { name: 'Private banking (huang_lei)' })).toBeTruthy();
    expect(within(choice).queryByRole('option', { name: /My scratch list/ })).toBeNull();
    choice.focus();
    await user.selectOptions(choice, 'Private banking (huang_lei)');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests).trigger).toMatchObject({ type: 'schedule', entity: 'customer', segment: '0193a1f0-5c00-7000-8000-00000000a001' });
  });

  it('edits each action type with its pickers: fields, decision inputs, notify targets, connector', async () => {
    const { server, user } = openDesigner();
    await loaded();
    const add = async (type: string) => {
      await user.click(screen.getByRole('button', { name: 'Add action' }));
      await user.click(screen.getByRole('menuitem', { name: type }));
    };
    await add('Update the record');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Add a field' }), 'segment');
    await user.type(screen.getByRole('textbox', { name: 'Value of Segment (FEEL)' }), '"private"');
    await add('Evaluate a decision');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Decision' }), 'customer_tier');
    await user.type(await screen.findByRole('textbox', { name: 'Value of input aum (FEEL)' }), 'record.aum');
    await add('Notify');
    const notifyCard = screen.getByRole('listitem', { name: '3. Notify' });
    await user.click(within(notifyCard).getByRole('radio', { name: 'Everyone holding a role' }));
    await user.selectOptions(within(notifyCard).getByRole('combobox', { name: 'Role' }), 'rm');
    await user.type(within(notifyCard).getByRole('textbox', { name: 'Message (English)' }), 'Call {{name}');
    await user.type(within(notifyCard).getByRole('textbox', { name: 'Message (Chinese)' }), '联系 {{name}');
    await add('Call a connector');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Connector' }), 'core_banking');
    await user.clear(screen.getByRole('textbox', { name: 'Path' }));
    await user.type(screen.getByRole('textbox', { name: 'Path' }), '/customers');
    await add('Wait');
    await user.clear(screen.getByRole('textbox', { name: 'Wait for (ISO 8601 duration)' }));
    await user.type(screen.getByRole('textbox', { name: 'Wait for (ISO 8601 duration)' }), 'p3d');
    await add('Go on only if');
    await user.type(screen.getByRole('textbox', { name: 'Go on only when (FEEL)' }), 'record.segment = "private"');
    // An update of another record: its entity, its id in FEEL, its fields.
    await add('Update the record');
    const otherCard = screen.getByRole('listitem', { name: '7. Update the record' });
    await user.selectOptions(within(otherCard).getByRole('combobox', { name: 'Record to update' }), 'customer');
    await user.type(within(otherCard).getByRole('textbox', { name: 'Its id (FEEL)' }), 'record.id');
    await user.selectOptions(within(otherCard).getByRole('combobox', { name: 'Add a field' }), 'segment');
    await user.type(within(otherCard).getByRole('textbox', { name: 'Value of Segment (FEEL)' }), '"private"');
    await add('Assign in turn (round robin)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who takes turns: everyone holding the role' }), 'rm');
    await user.type(screen.getByRole('textbox', { name: 'Of the branch (FEEL, optional)' }), 'record.branch');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests).actions).toEqual([
      { id: 'updateRecord_1', type: 'updateRecord', values: { segment: '"private"' } },
      { id: 'evaluateDecision_1', type: 'evaluateDecision', decision: 'customer_tier', inputs: { aum: 'record.aum', income: '' } },
      { id: 'notify_1', type: 'notify', to: { role: 'rm' }, message: { en: 'Call {name}', 'zh-CN': '联系 {name}' } },
      { id: 'callConnector_1', type: 'callConnector', connector: 'core_banking', method: 'POST', path: '/customers' },
      { id: 'wait_1', type: 'wait', duration: 'P3D' },
      { id: 'condition_1', type: 'condition', when: 'record.segment = "private"' },
      { id: 'updateRecord_2', type: 'updateRecord', target: { entity: 'customer', id: 'record.id' }, values: { segment: '"private"' } },
      { id: 'assignOwner_1', type: 'assignOwner', role: 'rm', branch: 'record.branch' },
    ]);
  });

  it('finds the records an update writes by matching fields: each condition a field, a comparison and a FEEL value', async () => {
    const { server, user } = openDesigner();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    await user.click(screen.getByRole('menuitem', { name: 'Update the record' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Record to update' }), 'customer');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Find it' }), 'where');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field of condition 1' }), 'segment');
    await user.type(screen.getByRole('textbox', { name: 'Value of condition 1 (FEEL)' }), 'record.segment');
    await user.click(screen.getByRole('button', { name: 'Add a condition' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field of condition 2' }), 'id');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Comparison of condition 2' }), 'ne');
    await user.type(screen.getByRole('textbox', { name: 'Value of condition 2 (FEEL)' }), 'record.id');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Add a field' }), 'segment');
    await user.type(screen.getByRole('textbox', { name: 'Value of Segment (FEEL)' }), '"private"');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests).actions).toEqual([
      {
        id: 'updateRecord_1',
        type: 'updateRecord',
        target: {
          entity: 'customer',
          where: [
            { field: 'segment', op: 'eq', value: 'record.segment' },
            { field: 'id', op: 'ne', value: 'record.id' },
          ],
        },
        values: { segment: '"private"' },
      },
    ]);
  });

  it('tests the draft against a record with changed values and shows what each action would do', async () => {
    const answer = { matched: true, steps: [{ actionId: 'setTags_1', status: 'done', at: '2026-12-07T06:00:00.000Z', detail: 'tags + high_potential' }] };
    const { server, user } = openDesigner(withActions([tags]), { 'POST /api/automations/tag_high_potential/test': { body: answer } });
    await loaded();
    await user.click(screen.getByRole('tab', { name: 'Test' }));
    // A record is picked by its title (or its id typed).
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Record' }), '上海海川信息技术有限公司 · C0000000016');
    expect((screen.getByRole('textbox', { name: 'Record id' }) as HTMLInputElement).value).toBe('c_0001');
    await user.click(screen.getByRole('button', { name: 'Add a changed value' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Changed field 1' }), 'aum');
    await user.type(screen.getByRole('textbox', { name: 'New value of Assets under management (aum)' }), '1200000');
    await user.click(screen.getByRole('button', { name: 'Run test' }));
    expect(await screen.findByText('The trigger matched.')).toBeTruthy();
    const steps = screen.getByRole('table', { name: 'What each action would do' });
    expect(within(steps).getByRole('rowheader').textContent).toBe('1. Add or remove tags');
    expect(within(steps).getByText('Done')).toBeTruthy();
    expect(within(steps).getByText('tags + high_potential')).toBeTruthy();
    const sent = server.requests.find((r) => r.url === '/api/automations/tag_high_potential/test')!.body;
    expect(sent).toEqual({ document: withActions([tags]), recordId: 'c_0001', changes: { aum: 1200000 } });
  });

  it('says why a test could not run', async () => {
    const { user } = openDesigner(withActions([tags]), { 'POST /api/automations/tag_high_potential/test': problem(404, 'recordNotFound') });
    await loaded();
    await user.click(screen.getByRole('tab', { name: 'Test' }));
    await user.click(screen.getByRole('button', { name: 'Run test' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The test could not run: recordNotFound detail');
  });

  it('lists the published automation’s runs, filters by status, shows steps, and replays a failed run', async () => {
    const failed = run({ id: 'run_2', status: 'failed', error: 'The tag option vip2 does not exist', steps: [{ actionId: 'setTags_1', status: 'failed', at: '2026-12-07T06:01:00.000Z', detail: 'no option vip2' }] });
    const ok = run({});
    const { server, user } = openDesigner(withActions([tags]), {
      'GET /api/automations/tag_high_potential/runs?limit=100': sequence({ body: [failed, ok] }, { body: [run({ id: 'run_3', replayOf: 'run_2' }), failed, ok] }),
      'GET /api/automations/tag_high_potential/runs?status=failed&limit=100': { body: [failed] },
      'POST /api/automations/runs/run_2/replay': { body: run({ id: 'run_3', replayOf: 'run_2' }) },
    }, 1);
    await loaded();
    await user.click(screen.getByRole('tab', { name: 'Runs' }));
    const table = await screen.findByRole('table', { name: 'Runs' });
    expect(runRows(table)).toBe(2);
    expect(within(table).getByText('Failed')).toBeTruthy();
    expect(within(table).getByText('The tag option vip2 does not exist')).toBeTruthy();
    // Replay only on the failed run.
    expect(within(table).getAllByRole('button', { name: /^Replay run/ })).toHaveLength(1);
    await user.click(within(table).getAllByRole('button', { name: 'Show 1 step' })[0]!);
    expect(within(table).getByText('no option vip2')).toBeTruthy();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    await waitFor(() => expect(runRows(screen.getByRole('table', { name: 'Runs' }))).toBe(1));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
    await user.click(await screen.findByRole('button', { name: 'Replay run run_2' }));
    expect((await screen.findByText('Replayed: a new run is queued.')).getAttribute('role')).toBe('status');
    expect(await screen.findByText('Replay of run_2')).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'POST' && r.url.startsWith('/api/automations/')).map((r) => r.url)).toEqual(['/api/automations/runs/run_2/replay']);
  });

  it('names a run’s record by its title, or by its entity and a short id when the designer user may not read it; says its steps in the reader’s language', async () => {
    const step = { actionId: 'setTags_1', status: 'done' as const, at: '2026-12-07T06:00:00.000Z', detail: 'tags + high_potential', message: { code: 'tagsChanged' as const, params: { field: 'tags', change: '+ high_potential' } } };
    const runs = [run({ id: 'run_1', recordId: 'c_0001', steps: [step] }), run({ id: 'run_2', recordId: '0191f0aa-7c1e-7b4e-9a53-0c6a2b1f7e21' })];
    const routes = { 'GET /api/automations/tag_high_potential/runs?limit=100': { body: runs } };
    // The tag field and its tag by their labels, not their keys.
    for (const [language, step1, unread] of [['en', 'Tags: + High potential', 'Customer 0191f0aa…'], ['zh-CN', '客户标签：+ 高潜力', '客户 0191f0aa…']] as const) {
      await initTestI18n(language);
      try {
        const { server, user } = openDesigner(withActions([tags]), routes, 1);
        await user.click(await screen.findByRole('tab', { name: language === 'en' ? 'Runs' : '运行记录' }));
        const table = await screen.findByRole('table', { name: language === 'en' ? 'Runs' : '运行记录' });
        expect(await within(table).findByText('上海海川信息技术有限公司 · C0000000016')).toBeTruthy();
        expect(within(table).getByText(unread).getAttribute('title')).toBe('0191f0aa-7c1e-7b4e-9a53-0c6a2b1f7e21');
        // What started the run, in the reader's words.
        expect(within(table).getAllByText(language === 'en' ? 'Record: Updated' : '记录：更新')).toHaveLength(2);
        expect(server.requests.find((r) => r.url === '/api/records/customer/titles')!.body).toEqual({ ids: ['c_0001', '0191f0aa-7c1e-7b4e-9a53-0c6a2b1f7e21'] });
        await user.click(within(table).getAllByRole('button', { name: language === 'en' ? 'Show 1 step' : '显示 1 个步骤' })[0]!);
        expect(within(table).getByText(step1)).toBeTruthy();
        // A run stored before messages keeps the server's English text.
        await user.click(within(table).getAllByRole('button', { name: language === 'en' ? 'Show 1 step' : '显示 1 个步骤' })[0]!);
        expect(within(table).getByText('tags + high_potential')).toBeTruthy();
      } finally {
        cleanup();
        await initTestI18n('en');
      }
    }
  });

  it('says why a run failed in the reader’s language, its failed step too; a run stored before codes keeps its English error', async () => {
    const cause = { code: 'connectorFailed' as const, params: { connector: 'core_banking', status: 503 } };
    const failed = run({
      id: 'run_2',
      status: 'failed',
      attempts: 3,
      error: 'failed 3 times: connector core_banking answered HTTP 503',
      errorMessage: { code: 'retriesExhausted', params: { ...cause.params, attempts: 3, cause: cause.code } },
      steps: [{ actionId: 'setTags_1', status: 'failed', at: '2026-12-07T06:01:00.000Z', detail: 'connector core_banking answered HTTP 503', message: cause }],
    });
    const older = run({ id: 'run_1', status: 'failed', error: 'connector core_banking answered HTTP 500', steps: [] });
    const refused = run({
      id: 'run_3',
      status: 'pending',
      error: 'fieldControlledByFlow (/stage fieldControlledByFlow)',
      errorMessage: { code: 'recordRefused', params: { problem: 'fieldControlledByFlow', fields: '/stage fieldControlledByFlow' } },
      steps: [],
    });
    // Each field by its label and its problem in words; a code the designer does not word stays as sent.
    const invalid = run({
      id: 'run_4',
      status: 'failed',
      error: 'validationFailed (/customer_no pattern, /name required, /nickname shiny)',
      errorMessage: { code: 'recordRefused', params: { problem: 'validationFailed', fields: '/customer_no pattern, /name required, /nickname shiny' } },
      steps: [],
    });
    const routes = { 'GET /api/automations/tag_high_potential/runs?limit=100': { body: [failed, refused, invalid, older] } };
    const said = {
      en: { error: 'Failed 3 times: Connector core_banking answered HTTP 503.', step: 'Connector core_banking answered HTTP 503.', refused: 'Refused: a field its approval flow sets (stage: a field its approval flow sets)', invalid: 'Refused: invalid values (Customer number: a value not in the expected format, Name: a required value is missing, nickname: shiny)' },
      'zh-CN': { error: '已失败 3 次：连接器 core_banking 返回 HTTP 503。', step: '连接器 core_banking 返回 HTTP 503。', refused: '被拒绝：该字段由审批流程设置（stage：该字段由审批流程设置）', invalid: '被拒绝：值无效（客户号：值的格式不符、客户名称：缺少必填值、nickname：shiny）' },
    } as const;
    for (const language of ['en', 'zh-CN'] as const) {
      await initTestI18n(language);
      try {
        const { user } = openDesigner(withActions([tags]), routes, 1);
        await user.click(await screen.findByRole('tab', { name: language === 'en' ? 'Runs' : '运行记录' }));
        const table = await screen.findByRole('table', { name: language === 'en' ? 'Runs' : '运行记录' });
        expect(within(table).getByText(said[language].error)).toBeTruthy();
        expect(within(table).getByText('connector core_banking answered HTTP 500')).toBeTruthy();
        // A refused write by its problem in words, the fields it names as sent.
        expect(within(table).getByText(said[language].refused)).toBeTruthy();
        expect(within(table).getByText(said[language].invalid)).toBeTruthy();
        await user.click(within(table).getByRole('button', { name: language === 'en' ? 'Show 1 step' : '显示 1 个步骤' }));
        expect(within(table).getByText(said[language].step)).toBeTruthy();
      } finally {
        cleanup();
        await initTestI18n('en');
      }
    }
  });

  it('names the automation in both languages and pauses it with the Enabled switch', async () => {
    const { server, user } = openDesigner();
    await loaded();
    const zh = screen.getByRole('textbox', { name: 'Name (Chinese)' });
    await user.clear(zh);
    await user.type(zh, '高潜力客户打标签');
    await user.click(screen.getByRole('switch', { name: 'Enabled' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Draft saved');
    expect(saved(server.requests)).toMatchObject({ label: { en: 'Tag high-potential customers', 'zh-CN': '高潜力客户打标签' }, enabled: false });
  });

  it('says when a published schedule runs next, in its time zone, and that a disabled one is paused', async () => {
    const daily: AutomationDocument = { ...withActions([tags]), trigger: { type: 'schedule', every: 'day', at: '09:00', timeZone: 'Asia/Shanghai', entity: 'customer' } };
    const routes = { 'GET /api/automations/tag_high_potential/runs?limit=100': { body: [] } };
    const said = {
      en: { tab: 'Runs', next: /^Next run: .+ 9:00 AM \(Asia\/Shanghai\)\.$/, empty: 'No runs yet.', paused: 'Paused: the published version is disabled, so it does not run. Enable it and publish to resume.' },
      'zh-CN': { tab: '运行记录', next: /^下次运行：.+09:00（Asia\/Shanghai）。$/, empty: '暂无运行记录。', paused: '已暂停：已发布的版本未启用，不会运行。启用后再发布即可恢复。' },
    } as const;
    for (const language of ['en', 'zh-CN'] as const) {
      await initTestI18n(language);
      try {
        const { user } = openDesigner(daily, routes, 1);
        await user.click(await screen.findByRole('tab', { name: said[language].tab }));
        expect(await screen.findByText(said[language].next)).toBeTruthy();
        expect(await screen.findByText(said[language].empty)).toBeTruthy();
        cleanup();
        // A disabled published version says it is paused, whatever its trigger (this one waits on a write).
        const second = openDesigner({ ...withActions([tags]), enabled: false }, routes, 1);
        await second.user.click(await screen.findByRole('tab', { name: said[language].tab }));
        expect(await screen.findByText(said[language].paused)).toBeTruthy();
        expect(screen.queryByText(said[language].next)).toBeNull();
      } finally {
        cleanup();
        await initTestI18n('en');
      }
    }
  });

  it('says to publish first on the Runs tab of a never-published automation', async () => {
    const { user } = openDesigner();
    await loaded();
    await user.click(screen.getByRole('tab', { name: 'Runs' }));
    expect(screen.getByText('Publish the automation to see its runs.')).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    await initTestI18n('zh-CN');
    try {
      openDesigner(withActions([tags]));
      expect(await screen.findByRole('heading', { name: '自动化：标记高潜力客户' })).toBeTruthy();
      expect(await screen.findByRole('option', { name: '客户 (customer)' })).toBeTruthy();
      expect(screen.getByRole('listitem', { name: '1. 添加或移除标签' })).toBeTruthy();
      expect(screen.getByRole('checkbox', { name: '添加 高潜力' })).toBeTruthy();
      expect(screen.getByText(/字段：/).textContent).toContain('字段：客户号 (customer_no)、客户名称 (name)、');
    } finally {
      await initTestI18n('en');
    }
  });
});
