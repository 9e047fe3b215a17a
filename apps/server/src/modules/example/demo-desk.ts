import type { INestApplication } from '@nestjs/common';
import { residentIdCheckCharacter } from '@bankforge/data-model';
import type { Logger } from 'pino';
import type { Database } from '../../platform/database/database.js';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { DirectoryService } from '../auth/directory.service.js';
import { FlowStore, instant, stored } from '../flows/flow-store.js';
import { FlowsService } from '../flows/flows.service.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { RecordsService } from '../records/records.service.js';

/**
 * The example's loan desk: one person per role of the bank CRM, and loan cases in every state a
 * credit team meets (overdue at the credit officers, at the branch manager, returned to the RM,
 * approved, rejected, at the committee), driven through the flow service as those people would.
 */
export const DEMO_PEOPLE = [
  { username: 'chen_jing', displayName: '陈静', branch: 'SH01', roles: ['branch_manager'], manager: null },
  { username: 'wu_min', displayName: '吴敏', branch: 'HQ', roles: ['head_of_risk'], manager: null },
  { username: 'wang_fang', displayName: '王芳', branch: 'SH01', roles: ['relationship_manager'], manager: 'chen_jing' },
  { username: 'li_qiang', displayName: '李强', branch: 'SH01', roles: ['relationship_manager'], manager: 'chen_jing' },
  { username: 'zhang_wei', displayName: '张伟', branch: 'HQ', roles: ['credit_officer'], manager: 'wu_min' },
  { username: 'liu_yang', displayName: '刘洋', branch: 'HQ', roles: ['credit_officer'], manager: 'wu_min' },
  { username: 'zhao_lei', displayName: '赵磊', branch: 'HQ', roles: ['credit_committee'], manager: 'wu_min' },
  { username: 'sun_li', displayName: '孙丽', branch: 'HQ', roles: ['credit_committee'], manager: 'wu_min' },
  { username: 'zhou_jie', displayName: '周杰', branch: 'HQ', roles: ['credit_committee'], manager: 'wu_min' },
  { username: 'zheng_hua', displayName: '郑华', branch: 'HQ', roles: ['compliance_officer'], manager: null },
  { username: 'huang_lei', displayName: '黄磊', branch: 'HQ', roles: ['business_analyst'], manager: null },
] as const;

type DemoLoan = { rm: 'wang_fang' | 'li_qiang'; no: string; amount: number; product: string; then: 'wait' | 'overdue' | 'officer' | 'return' | 'approve' | 'reject' };

const DEMO_LOANS: DemoLoan[] = [
  { rm: 'wang_fang', no: 'LA900000000001', amount: 300_000, product: 'consumer', then: 'overdue' },
  { rm: 'wang_fang', no: 'LA900000000002', amount: 3_000_000, product: 'business', then: 'officer' },
  { rm: 'li_qiang', no: 'LA900000000003', amount: 450_000, product: 'auto', then: 'return' },
  { rm: 'li_qiang', no: 'LA900000000004', amount: 200_000, product: 'consumer', then: 'approve' },
  { rm: 'wang_fang', no: 'LA900000000005', amount: 150_000, product: 'consumer', then: 'reject' },
  { rm: 'li_qiang', no: 'LA900000000006', amount: 8_000_000, product: 'mortgage', then: 'wait' },
];

/** Creates the demo people (able to sign in only with a demo password) and their cases. */
export async function openDemoDesk(app: INestApplication, database: Database, customerIds: readonly string[], demoPassword: string | undefined, logger: Logger): Promise<void> {
  const directory = app.get(DirectoryService);
  const ids = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const created = await directory.createUser(
      {
        username: person.username,
        displayName: person.displayName,
        branch: person.branch,
        roles: [...person.roles],
        managerId: person.manager ? (ids.get(person.manager) ?? null) : null,
        ...(demoPassword ? { password: demoPassword } : {}),
      },
      SYSTEM_ACTOR,
    );
    ids.set(person.username, created.id);
  }
  const actors = new Map<string, Actor>();
  const actor = async (username: string): Promise<Actor> => {
    const known = actors.get(username);
    if (known) return known;
    const made = await database.read(async (sql) => directory.actorOf(sql, (await directory.userRow(sql, ids.get(username)!))!));
    actors.set(username, made);
    return made;
  };
  const records = app.get(RecordsService);
  const flows = app.get(FlowsService);
  const customerFields = (await app.get(MetadataService).entity('customer')).definition.fields.filter((f) => !f.unique).map((f) => f.key).concat('customer_no');
  let n = 0;
  for (const loan of DEMO_LOANS) {
    const rm = await actor(loan.rm);
    // The RM's own customer: a copy of a generated one, so their book is not empty.
    const customer = await records.read('customer', customerIds[n % customerIds.length]!, false, SYSTEM_ACTOR);
    const values = Object.fromEntries(customerFields.filter((key) => customer[key] !== null && customer[key] !== undefined).map((key) => [key, customer[key]]));
    const first17 = `11010519850101${String(++n).padStart(3, '0')}`;
    const mine = await records.create(
      'customer',
      { ...values, customer_no: `C98${String(n).padStart(8, '0')}`, resident_id: first17 + residentIdCheckCharacter(first17), birth_date: '1985-01-01' },
      rm,
    );
    const record = await records.create(
      'loan_application',
      { application_no: loan.no, customer: mine.id, product: loan.product, amount: { amount: loan.amount.toFixed(2), currency: 'CNY' }, term_months: 36, credit_score: 760, annual_income: { amount: (loan.amount / 3).toFixed(2), currency: 'CNY' }, purpose: 'Demo application' },
      rm,
    );
    const started = await flows.start('loan_approval', { recordId: record.id }, rm, `demo/${loan.no}/start`);
    if (loan.then === 'wait') continue;
    const task = started.tasks[0]!;
    if (loan.then === 'overdue') {
      await dueNow(database, started.id, task.id);
      continue;
    }
    const officer = await actor('zhang_wei');
    if (loan.then === 'officer') await flows.act(task.id, 'approve', { comment: '收入证明已核实 / Income verified' }, officer, `demo/${loan.no}/officer`);
    if (loan.then === 'return') await flows.act(task.id, 'return', { comment: '请补充收入证明 / Please attach the income certificate' }, officer, `demo/${loan.no}/return`);
    if (loan.then === 'approve') await flows.act(task.id, 'approve', { comment: '同意 / Approved' }, officer, `demo/${loan.no}/approve`);
    if (loan.then === 'reject') await flows.act(task.id, 'reject', { comment: '负债率过高 / Debt ratio too high' }, officer, `demo/${loan.no}/reject`);
  }
  logger.info({ people: DEMO_PEOPLE.length, cases: DEMO_LOANS.length, canSignIn: demoPassword !== undefined }, demoPassword ? 'demo loan desk opened' : 'demo loan desk opened; set BANKFORGE_DEMO_PASSWORD to sign in as its people');
}

/**
 * Makes a case's task due the moment it was assigned, without waiting out its SLA: the task's due
 * time (and its assignees' copy the inbox sorts by), its timeout timer and the case's state of that
 * timer, together. The inbox shows it overdue first, and the timer fires on the next poll.
 */
async function dueNow(database: Database, caseId: string, taskKey: string): Promise<void> {
  await database.transaction(async (sql) => {
    const row = (await FlowStore.lock(sql, caseId, `demo:overdue:${caseId}`))?.row;
    const task = await FlowStore.task(sql, taskKey);
    if (!row || !task) throw new Error(`demo case ${caseId} has no task ${taskKey}`);
    const state = FlowStore.state(row);
    const timer = state.timers?.find((t) => t.taskId === task.task_id && t.purpose === 'timeout');
    if (!timer) throw new Error(`demo task ${taskKey} has no timeout`);
    const due = instant(task.created_at)!;
    timer.dueAt = due;
    if (!(await FlowStore.update(sql, row, state, null))) throw new Error(`demo case ${caseId} changed while made overdue`);
    await sql.execute('UPDATE bf_flow_task SET due_at = ? WHERE id = ?', [stored(due), taskKey]);
    await sql.execute('UPDATE bf_flow_task_assignee SET due_at = ? WHERE task_pk = ?', [stored(due), taskKey]);
    await sql.execute("UPDATE bf_flow_timer SET due_at = ? WHERE instance_id = ? AND timer_id = ? AND state = 'scheduled'", [stored(due), caseId, timer.id]);
  });
}
