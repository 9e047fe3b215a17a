import type { INestApplication } from '@nestjs/common';
import type { SeedRecord } from '@bankforge/example-bank-crm';
import type { Logger } from 'pino';
import type { Database } from '../../platform/database/database.js';
import { AppBundleService } from '../artifacts/app-bundle.service.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { parseRoleDefinition } from '../access/role.js';
import { DirectoryService } from '../auth/directory.service.js';
import { RecordsService } from '../records/records.service.js';
import { SegmentsService } from '../segments/segments.service.js';
import { branchRms, openDemoDesk, seatDemoPeople } from './demo-desk.js';

/** How many customers the example starts with: enough to page, sort and filter for real. */
const EXAMPLE_CUSTOMERS = 300;

/**
 * Loads the example bank CRM (its artifacts, then generated customers, accounts, balances and loans) into
 * a database that does not hold it yet. Runs through the same services as the API, so the example
 * is validated like any analyst's work.
 */
/**
 * `demoPassword` is the demo people's password: the operator's, `'generate'` to make one and print
 * it once, or undefined (they cannot sign in).
 */
export async function loadExample(app: INestApplication, database: Database, name: string, logger: Logger, demoPassword?: string): Promise<void> {
  if (name !== 'bank-crm') throw new Error(`Unknown example ${name}; the one shipped is bank-crm`);
  const artifacts = app.get(ArtifactsService);
  if ((await artifacts.list('app')).some((a) => a.key === 'bank_crm')) {
    logger.info({ example: name }, 'example already loaded');
    return;
  }
  const { bankCrmApp, bankCrmArtifacts, bankCrmEntities, bankCrmRoles, bankCrmSegments, generateBankCrmSeed } = await import('@bankforge/example-bank-crm');
  const started = Date.now();
  // The example's roles and demo people first: its saved segments are theirs, and the automations
  // that name a segment are published with the bundle; every seeded customer belongs to an RM.
  const directory = app.get(DirectoryService);
  const existing = new Set((await directory.roles()).map((r) => r.key));
  for (const role of bankCrmRoles) if (!existing.has(role.key)) await directory.saveRole(parseRoleDefinition(role), SYSTEM_ACTOR);
  const { BRANCHES } = await import('@bankforge/example-bank-crm');
  const people = await seatDemoPeople(app, database, BRANCHES.map((b) => b.code), demoPassword);
  const segments = app.get(SegmentsService);
  for (const { owner, ...segment } of bankCrmSegments) await segments.ship(segment, people.get(owner)!);
  await app.get(AppBundleService).import(
    { format: 'bankforge-bundle', formatVersion: 1, app: bankCrmApp, artifacts: bankCrmArtifacts },
    false,
    SYSTEM_ACTOR,
  );
  const rms = branchRms(BRANCHES.map((b) => b.code));
  const ownerOf = new Map<string, string>();
  const records = app.get(RecordsService);
  const referenceFields = new Map(
    bankCrmEntities.map((e) => [e.key, e.fields.filter((f) => f.type === 'reference').map((f) => f.key)] as const),
  );
  const ids = new Map<string, string>();
  const customers: string[] = [];
  let count = 0;
  // Written a few hundred records per transaction (one commit each, not one per record); a record
  // whose reference is still in the pending batch waits for that batch to be written.
  const BATCH = 500;
  let batch: { seed: SeedRecord; values: Record<string, unknown>; owner?: string }[] = [];
  const pending = new Set<string>();
  const flush = async (): Promise<void> => {
    const created = await records.createMany(batch.map(({ seed, values, owner }) => ({ entity: seed.entity, values, owner })), SYSTEM_ACTOR);
    batch.forEach(({ seed }, i) => {
      ids.set(seed.ref, created[i]!.id);
      if (seed.entity === 'customer' && customers.length < 10) customers.push(created[i]!.id);
    });
    count += batch.length;
    batch = [];
    pending.clear();
  };
  // The bank as of the last month-end before today: its reports' recent periods are never empty.
  for (const seed of generateBankCrmSeed({ seed: 20261123, customers: EXAMPLE_CUSTOMERS, now: new Date(started) })) {
    const refs = (referenceFields.get(seed.entity) ?? []).map((key) => seed.values[key]);
    if (batch.length >= BATCH || refs.some((ref) => typeof ref === 'string' && pending.has(ref))) await flush();
    const values = { ...seed.values };
    for (const key of referenceFields.get(seed.entity) ?? []) {
      const ref = values[key];
      if (typeof ref === 'string') values[key] = ids.get(ref) ?? null;
    }
    const owner = seedOwner(seed, rms, people, ownerOf);
    if (owner) ownerOf.set(seed.ref, owner);
    batch.push({ seed, values, owner });
    pending.add(seed.ref);
  }
  if (batch.length > 0) await flush();
  await openDemoDesk(app, database, customers, demoPassword, logger);
  logger.info({ example: name, records: count, ms: Date.now() - started, database: database.dialect }, 'example loaded');
}

/**
 * Whose a seeded record is: a customer an RM of its branch (taking turns where there are several),
 * a customer's contacts, accounts and their balances, loans, opportunities, interactions and relationships their customer's RM; branches nobody's.
 */
function seedOwner(seed: { entity: string; ref: string; values: Record<string, unknown> }, rms: ReadonlyMap<string, string[]>, people: ReadonlyMap<string, string>, ownerOf: ReadonlyMap<string, string>): string | undefined {
  if (seed.entity === 'customer') {
    const branch = typeof seed.values.branch === 'string' ? seed.values.branch.replace(/^branch:/, '') : '';
    const names = rms.get(branch) ?? [];
    const name = names[Number.parseInt(seed.ref.replace(/\D/g, '').slice(-4) || '0', 10) % Math.max(names.length, 1)];
    return name ? people.get(name) : undefined;
  }
  // A relationship goes with the customer it is told from (the one whose RM recorded it).
  const customer = seed.values.customer ?? seed.values.from_customer;
  return typeof customer === 'string' ? ownerOf.get(customer) : undefined;
}
