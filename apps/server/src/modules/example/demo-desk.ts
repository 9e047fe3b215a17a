import { randomBytes } from 'node:crypto';
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
  { username: 'chen_jing', displayName: '陈静', branch: 'SH001', roles: ['branch_manager'], manager: null },
  { username: 'wu_min', displayName: '吴敏', branch: 'HQ', roles: ['head_of_risk'], manager: null },
  { username: 'wang_fang', displayName: '王芳', branch: 'SH001', roles: ['relationship_manager'], manager: 'chen_jing' },
  { username: 'li_qiang', displayName: '李强', branch: 'SH001', roles: ['relationship_manager'], manager: 'chen_jing' },
  { username: 'zhang_wei', displayName: '张伟', branch: 'HQ', roles: ['credit_officer'], manager: 'wu_min' },
  { username: 'liu_yang', displayName: '刘洋', branch: 'HQ', roles: ['credit_officer'], manager: 'wu_min' },
  { username: 'zhao_lei', displayName: '赵磊', branch: 'HQ', roles: ['credit_committee'], manager: 'wu_min' },
  { username: 'sun_li', displayName: '孙丽', branch: 'HQ', roles: ['credit_committee'], manager: 'wu_min' },
  { username: 'zhou_jie', displayName: '周杰', branch: 'HQ', roles: ['credit_committee'], manager: 'wu_min' },
  { username: 'zheng_hua', displayName: '郑华', branch: 'HQ', roles: ['compliance_officer'], manager: null },
  { username: 'huang_lei', displayName: '黄磊', branch: 'HQ', roles: ['business_analyst'], manager: null },
] as const;

/** A demo loan: `key` names it in the demo's command ids (its application number is the server's to give). */
type DemoLoan = { rm: 'wang_fang' | 'li_qiang'; key: string; amount: number; product: string; then: 'wait' | 'overdue' | 'officer' | 'return' | 'approve' | 'reject' };

/** Created in this order: they take this month's first six loan numbers (the seed's end at the last month-end). */
const DEMO_LOANS: DemoLoan[] = [
  { rm: 'wang_fang', key: 'loan1', amount: 300_000, product: 'consumer', then: 'overdue' },
  { rm: 'wang_fang', key: 'loan2', amount: 3_000_000, product: 'business', then: 'officer' },
  { rm: 'li_qiang', key: 'loan3', amount: 450_000, product: 'auto', then: 'return' },
  { rm: 'li_qiang', key: 'loan4', amount: 200_000, product: 'consumer', then: 'approve' },
  { rm: 'wang_fang', key: 'loan5', amount: 150_000, product: 'consumer', then: 'reject' },
  { rm: 'li_qiang', key: 'loan6', amount: 8_000_000, product: 'mortgage', then: 'wait' },
];

/** The other branches' relationship managers: every seeded customer belongs to an RM of its branch. */
const BRANCH_RM_NAMES = ['马超', '朱琳', '胡军', '郭静', '何平', '高洁', '林涛', '罗娟', '梁勇', '宋佳', '谢伟', '韩雪', '唐磊', '冯敏', '于洋', '董丽', '萧然', '程浩', '曹颖'];

/** The usernames of the RMs who own a branch's customers: the demo desk's two in Shanghai, one of their own elsewhere. */
export function branchRms(branchCodes: readonly string[]): Map<string, string[]> {
  const rms = new Map<string, string[]>();
  for (const code of branchCodes) rms.set(code, code === 'SH001' ? ['wang_fang', 'li_qiang'] : [`rm_${code.toLowerCase()}`]);
  return rms;
}

/**
 * Creates the demo people who are not there yet (one per role, and an RM per branch of the
 * example) and answers everyone's id by username. They sign in with the demo password: the
 * operator's (BANKFORGE_DEMO_PASSWORD), or one made here and printed once; without either
 * (`undefined`, as tests load it) they cannot sign in.
 */
export async function seatDemoPeople(app: INestApplication, database: Database, branchCodes: readonly string[], demoPassword: string | 'generate' | undefined): Promise<Map<string, string>> {
  const directory = app.get(DirectoryService);
  const ids = new Map((await directory.users()).map((u) => [u.username, u.id] as const));
  const password = demoPassword === 'generate' ? `${randomBytes(9).toString('base64url')}-Aa1` : demoPassword;
  const rms = [...branchRms(branchCodes)].filter(([code]) => code !== 'SH001').map(([code, [username]], i) => ({
    username: username!,
    displayName: BRANCH_RM_NAMES[i % BRANCH_RM_NAMES.length]!,
    branch: code,
    roles: ['relationship_manager'],
    manager: null,
  }));
  let seated = 0;
  for (const person of [...DEMO_PEOPLE, ...rms]) {
    if (ids.has(person.username)) continue;
    const created = await directory.createUser(
      {
        username: person.username,
        displayName: person.displayName,
        branch: person.branch,
        roles: [...person.roles],
        managerId: person.manager ? (ids.get(person.manager) ?? null) : null,
        ...(password ? { password } : {}),
      },
      SYSTEM_ACTOR,
    );
    ids.set(person.username, created.id);
    seated++;
  }
  // Printed, not logged: the only time it is shown (a log line would keep it).
  if (demoPassword === 'generate' && seated > 0) {
    process.stdout.write(`\nBankForge demo desk: sign in as ${DEMO_PEOPLE.map((p) => p.username).join(', ')} (one per role) with the password ${password}\nIt is shown this once; set BANKFORGE_DEMO_PASSWORD to choose it.\n\n`);
  }
  return ids;
}

/** Creates the demo people (if not yet there) and their cases. */
export async function openDemoDesk(app: INestApplication, database: Database, customerIds: readonly string[], demoPassword: string | undefined, logger: Logger): Promise<void> {
  const ids = await seatDemoPeople(app, database, [], demoPassword);
  const directory = app.get(DirectoryService);
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
  // The desk's RMs work in Shanghai: their customers are the branch's.
  const [shanghai] = (await records.query('branch', { filter: { field: 'code', op: 'eq', value: 'SH001' }, fields: ['code'], limit: 1 }, SYSTEM_ACTOR)).items;
  let n = 0;
  for (const loan of DEMO_LOANS) {
    const rm = await actor(loan.rm);
    // The loan's customer: a copy of a generated one, created by the RM (so in their book).
    const customer = await records.read('customer', customerIds[n % customerIds.length]!, false, SYSTEM_ACTOR);
    const values = Object.fromEntries(customerFields.filter((key) => customer[key] !== null && customer[key] !== undefined).map((key) => [key, customer[key]]));
    const first17 = `11010519850101${String(++n).padStart(3, '0')}`;
    const mine = await records.create(
      'customer',
      { ...values, ...(shanghai ? { branch: shanghai.id } : {}), customer_no: `C98${String(n).padStart(8, '0')}`, resident_id: first17 + residentIdCheckCharacter(first17), birth_date: '1985-01-01' },
      rm,
    );
    const record = await records.create(
      'loan_application',
      { customer: mine.id, product: loan.product, amount: { amount: loan.amount.toFixed(2), currency: 'CNY' }, term_months: 36, credit_score: 760, annual_income: { amount: (loan.amount / 3).toFixed(2), currency: 'CNY' }, purpose: 'Demo application' },
      rm,
    );
    const started = await flows.start('loan_approval', { recordId: record.id }, rm, `demo/${loan.key}/start`);
    if (loan.then === 'wait') continue;
    const task = started.tasks[0]!;
    if (loan.then === 'overdue') {
      await dueNow(database, started.id, task.id);
      continue;
    }
    const officer = await actor('zhang_wei');
    if (loan.then === 'officer') await flows.act(task.id, 'approve', { comment: '收入证明已核实 / Income verified' }, officer, `demo/${loan.key}/officer`);
    if (loan.then === 'return') await flows.act(task.id, 'return', { comment: '请补充收入证明 / Please attach the income certificate' }, officer, `demo/${loan.key}/return`);
    if (loan.then === 'approve') await flows.act(task.id, 'approve', { comment: '同意 / Approved' }, officer, `demo/${loan.key}/approve`);
    if (loan.then === 'reject') await flows.act(task.id, 'reject', { comment: '负债率过高 / Debt ratio too high' }, officer, `demo/${loan.key}/reject`);
  }
  logger.info({ people: DEMO_PEOPLE.length, cases: DEMO_LOANS.length, canSignIn: demoPassword !== undefined }, demoPassword ? 'demo loan desk opened' : 'demo loan desk opened; set BANKFORGE_DEMO_PASSWORD to sign in as its people');
}

/**
 * Makes a case's task due the moment it was assigned, without waiting out its SLA: the task's due
 * time (its assignees' copy the inbox sorts by, the approval task the reports read), its timeout
 * timer and the case's state of that timer, together. The inbox shows it overdue first, and the
 * timer fires on the next poll.
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
    await sql.execute('UPDATE e_approval_task SET due_at = ? WHERE task_key = ?', [stored(due), taskKey]);
    await sql.execute("UPDATE bf_flow_timer SET due_at = ? WHERE instance_id = ? AND timer_id = ? AND state = 'scheduled'", [stored(due), caseId, timer.id]);
  });
}
