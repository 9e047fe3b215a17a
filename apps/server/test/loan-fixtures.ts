import { bankCrmApp, bankCrmArtifacts, bankCrmRoles, generateBankCrmSeed } from '@bankforge/example-bank-crm';
import { localDateOf } from '@bankforge/data-model';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { parseRoleDefinition } from '../src/modules/access/role.js';
import { AppBundleService } from '../src/modules/artifacts/app-bundle.service.js';
import { DirectoryService } from '../src/modules/auth/directory.service.js';
import type { Requester, TestServer } from './harness.js';

export const LOAN_PASSWORD = 'Loan-Desk-Pass-2026';

/**
 * The bank CRM's loan desk: relationship managers in Shanghai (rm_sh, rm_sh2) and Beijing (rm_bj),
 * credit officers at head office reporting to the head of risk, a branch manager per branch, a
 * credit committee of three, and compliance. The managers head their RMs' reporting lines.
 */
export const LOAN_PEOPLE = [
  { username: 'bm_sh', branch: 'BR001', roles: ['branch_manager'], manager: null },
  { username: 'bm_bj', branch: 'BR002', roles: ['branch_manager'], manager: null },
  { username: 'rm_sh', branch: 'BR001', roles: ['relationship_manager'], manager: 'bm_sh' },
  { username: 'rm_sh2', branch: 'BR001', roles: ['relationship_manager'], manager: 'bm_sh' },
  { username: 'rm_bj', branch: 'BR002', roles: ['relationship_manager'], manager: 'bm_bj' },
  { username: 'risk', branch: 'HQ', roles: ['head_of_risk'], manager: null },
  { username: 'co_1', branch: 'HQ', roles: ['credit_officer'], manager: 'risk' },
  { username: 'co_2', branch: 'HQ', roles: ['credit_officer'], manager: 'risk' },
  { username: 'cc_1', branch: 'HQ', roles: ['credit_committee'], manager: null },
  { username: 'cc_2', branch: 'HQ', roles: ['credit_committee'], manager: null },
  { username: 'cc_3', branch: 'HQ', roles: ['credit_committee'], manager: null },
  { username: 'compliance', branch: 'HQ', roles: ['compliance_officer'], manager: null },
] as const;

export type LoanPerson = (typeof LOAN_PEOPLE)[number]['username'];

export interface LoanDesk {
  as: Record<LoanPerson, Requester>;
  /** A customer of each RM, owned by them. */
  customerOf: Record<string, string>;
  /** Creates a loan application as the RM (amount in yuan) and answers its id. */
  newLoan(rm: LoanPerson, amountYuan: number, extra?: Record<string, unknown>): Promise<string>;
}

/** Loads the example app (entities, calendar, decision, flow), its roles and the people above into a test server. */
export async function openLoanDesk(server: TestServer): Promise<LoanDesk> {
  // The roles first: the example's automations name them (round robin), and publishing checks they exist.
  const directory = server.app.get(DirectoryService);
  for (const role of bankCrmRoles) await directory.saveRole(parseRoleDefinition(role), SYSTEM_ACTOR);
  await server.app.get(AppBundleService).import({ format: 'bankforge-bundle', formatVersion: 1, app: bankCrmApp, artifacts: bankCrmArtifacts } as never, false, SYSTEM_ACTOR);
  const ids: Record<string, string> = {};
  for (const person of LOAN_PEOPLE) {
    const created = await server.request<{ id: string }>('POST', '/api/auth/users', {
      username: person.username,
      displayName: person.username.toUpperCase(),
      branch: person.branch,
      roles: person.roles,
      managerId: person.manager ? ids[person.manager] : null,
      password: LOAN_PASSWORD,
    });
    if (created.status !== 201) throw new Error(`user ${person.username}: ${created.status} ${JSON.stringify(created.body)}`);
    ids[person.username] = created.body.id;
  }
  const as = {} as Record<LoanPerson, Requester>;
  for (const person of LOAN_PEOPLE) as[person.username] = await server.signIn(person.username, LOAN_PASSWORD);

  // One branch (as the administrator) and a customer of each RM, from the example's own generator.
  const seed = [...generateBankCrmSeed({ seed: 7, customers: 3 })];
  const branchSeed = seed.find((r) => r.entity === 'branch')!;
  const branch = await server.request<{ id: string }>('POST', '/api/records/branch', branchSeed.values);
  if (branch.status !== 201) throw new Error(`branch: ${branch.status} ${JSON.stringify(branch.body)}`);
  const customers = seed.filter((r) => r.entity === 'customer');
  const customerOf: Record<string, string> = {};
  let n = 0;
  for (const rm of ['rm_sh', 'rm_sh2', 'rm_bj'] as const) {
    const created = await as[rm]<{ id: string }>('POST', '/api/records/customer', { ...customers[n++]!.values, branch: branch.body.id });
    if (created.status !== 201) throw new Error(`customer of ${rm}: ${created.status} ${JSON.stringify(created.body)}`);
    customerOf[rm] = created.body.id;
  }
  return {
    as,
    customerOf,
    async newLoan(rm, amountYuan, extra = {}) {
      // The server numbers it (LA, this month, a sequence).
      const created = await as[rm]<{ id: string }>('POST', '/api/records/loan_application', {
        customer: customerOf[rm],
        product: 'business',
        amount: { amount: amountYuan.toFixed(2), currency: 'CNY' },
        term_months: 36,
        credit_score: 780,
        annual_income: { amount: (amountYuan / 2).toFixed(2), currency: 'CNY' },
        ...extra,
      });
      if (created.status !== 201) throw new Error(`loan of ${rm}: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body.id;
    },
  };
}

/** This month's loan numbers start so (`LA202612`): the example numbers loans LA{yyyyMM}{seq:6} in Beijing time. */
export function loanNumberPrefix(now = new Date()): string {
  const day = localDateOf(now, 'Asia/Shanghai');
  return `LA${day.year}${String(day.month).padStart(2, '0')}`;
}
