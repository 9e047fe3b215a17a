import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf, residentIdCheckCharacter, type EntityDefinition, type FieldDefinition } from '@bankforge/data-model';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Rec = Record<string, unknown> & { id: string; version: number };
type Problem = { code: string; errors?: { path: string; code: string; message: string; messageZh?: string }[] };

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const field = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label: text(key, key), ...extra });

/** A loan file numbered LF + year and month + four digits, with a unique reference to make an insert fail. */
const loanFile: EntityDefinition = {
  kind: 'entity',
  key: 'loan_file',
  title: 'Loan file',
  label: text('Loan file', '贷款档案'),
  fields: [
    field('file_no', 'autoNumber', { numbering: 'LF{yyyyMM}{seq:4}', unique: true, label: text('File number', '档案编号') }),
    field('subject', 'text', { required: true }),
    field('reference', 'text', { unique: true }),
  ],
};

const person: EntityDefinition = {
  kind: 'entity',
  key: 'person',
  title: 'Person',
  label: text('Person', '个人'),
  fields: [
    field('name', 'text', { required: true }),
    field('resident_id', 'residentId', { sensitive: true, unique: true }),
    field('birth_date', 'date', { derivedFrom: 'resident_id', label: text('Date of birth', '出生日期') }),
  ],
};

const residentId = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe.each(dialects())('auto numbers and derived birth dates on %s', (dialect) => {
  let server: TestServer;
  /** This month's prefix in the bank's time zone, read when the test starts (a month's turn mid-test is not expected). */
  let prefix: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(loanFile);
    await server.publishEntity(person);
    const day = localDateOf(new Date(), 'Asia/Shanghai');
    prefix = `LF${day.year}${String(day.month).padStart(2, '0')}`;
  });
  afterAll(async () => server?.close());

  const sequences = (numbers: string[]) => numbers.map((n) => Number(n.slice(prefix.length))).sort((a, b) => a - b);

  it('gives 20 concurrent inserts 20 distinct consecutive numbers', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => server.request<Rec>('POST', '/api/records/loan_file', { subject: `Loan ${i}` })));
    expect(created.map((c) => c.status)).toEqual(Array(20).fill(201));
    const numbers = created.map((c) => String(c.body.file_no));
    expect(new Set(numbers).size).toBe(20);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^${prefix}\\d{4}$`));
    expect(sequences(numbers)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // What was answered is what was stored.
    const stored = await server.request<{ items: Rec[] }>('POST', '/api/records/loan_file/query', { limit: 50 });
    expect(stored.body.items.map((r) => r.file_no).sort()).toEqual([...numbers].sort());
  });

  it('gives the number of a failed insert back: no gap', async () => {
    const first = await server.request<Rec>('POST', '/api/records/loan_file', { subject: 'Taken', reference: 'REF-1' });
    expect(first.status).toBe(201);
    const clash = await server.request<Problem>('POST', '/api/records/loan_file', { subject: 'Clash', reference: 'REF-1' });
    expect(clash.status).toBe(409);
    const next = await server.request<Rec>('POST', '/api/records/loan_file', { subject: 'Next' });
    expect(next.status).toBe(201);
    expect(Number(String(next.body.file_no).slice(prefix.length))).toBe(Number(String(first.body.file_no).slice(prefix.length)) + 1);
  });

  it('refuses a number chosen or changed by a person, in both languages; an unchanged one passes', async () => {
    const chosen = await server.request<Problem>('POST', '/api/records/loan_file', { subject: 'Mine', file_no: 'LF999912000001' });
    expect(chosen.status).toBe(422);
    expect(chosen.body).toMatchObject({ code: 'autoNumbered', errors: [{ path: '/file_no', code: 'autoNumbered', message: 'File number is numbered by the server when the record is saved; leave it out', messageZh: '档案编号由系统在保存时编号，请勿填写' }] });
    const created = await server.request<Rec>('POST', '/api/records/loan_file', { subject: 'Kept', file_no: null });
    expect(created.status).toBe(201);
    const changed = await server.request<Problem>('PATCH', `/api/records/loan_file/${created.body.id}`, { version: created.body.version, file_no: 'LF000000000001' });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('autoNumbered');
    const same = await server.request<Rec>('PATCH', `/api/records/loan_file/${created.body.id}`, { version: created.body.version, file_no: created.body.file_no, subject: 'Kept too' });
    expect(same.status).toBe(200);
    expect(same.body.file_no).toBe(created.body.file_no);
  });

  it('keeps the number the system brings (an import, the seed), and numbers on after it', async () => {
    const records = server.app.get(RecordsService);
    const imported = await records.create('loan_file', { subject: 'Imported', file_no: 'LF201901000042' }, SYSTEM_ACTOR);
    expect(imported.file_no).toBe('LF201901000042');
    // This month's counter is at some n: an imported number ahead of it moves it on.
    const ahead = `${prefix}0500`;
    expect((await records.create('loan_file', { subject: 'Imported this month', file_no: ahead }, SYSTEM_ACTOR)).file_no).toBe(ahead);
    const next = await server.request<Rec>('POST', '/api/records/loan_file', { subject: 'After the import' });
    expect(next.body.file_no).toBe(`${prefix}0501`);
  });

  it('refuses an entity whose numbering pattern cannot be used, saying why', async () => {
    const bad = { ...loanFile, key: 'bad_file', fields: [field('file_no', 'autoNumber', { numbering: 'BF{MM}{seq:4}', unique: true })] };
    const saved = await server.request<Problem>('PUT', '/api/artifacts/entity/bad_file', bad);
    const published = saved.status === 200 ? await server.request<Problem>('POST', '/api/artifacts/entity/bad_file/publish', {}) : saved;
    expect(published.status).toBe(422);
    expect(published.body.errors).toContainEqual(expect.objectContaining({ path: '/fields/0/numbering', code: 'invalidNumbering' }));
  });

  it('fills an empty birth date from a valid resident ID on create and on update', async () => {
    const created = await server.request<Rec>('POST', '/api/records/person', { name: 'Wang Fang', resident_id: residentId('11010519850304001') });
    expect(created.status).toBe(201);
    expect(created.body.birth_date).toBe('1985-03-04');
    const read = await server.request<Rec>('GET', `/api/records/person/${created.body.id}`);
    expect(read.body.birth_date).toBe('1985-03-04');

    const typed = await server.request<Rec>('POST', '/api/records/person', { name: 'Li Lei', resident_id: residentId('31010419920615002'), birth_date: '1992-06-16' });
    expect(typed.body.birth_date).toBe('1992-06-16');

    const without = await server.request<Rec>('POST', '/api/records/person', { name: 'Zhao Min' });
    expect(without.body.birth_date).toBeNull();
    const later = await server.request<Rec>('PATCH', `/api/records/person/${without.body.id}`, { version: without.body.version, resident_id: residentId('44030519900101123') });
    expect(later.status).toBe(200);
    expect(later.body.birth_date).toBe('1990-01-01');
  });

  it('refuses an invalid resident ID rather than guessing a birth date from it', async () => {
    const id = residentId('11010519850304009');
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const refused = await server.request<Problem>('POST', '/api/records/person', { name: 'Qian Qi', resident_id: wrong });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([['/resident_id', 'residentIdChecksum']]);
  });
});
