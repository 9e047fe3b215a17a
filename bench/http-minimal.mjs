// The anchor of `npm run bench -- http`: a minimal `node:http` handler that answers the runtime's
// customer list page (`POST /api/records/customer/query`) as the server does, with nothing else:
// no sign-in, no roles, no audit, no framework. It runs the same SELECTs (page and count) through
// the same driver (better-sqlite3 on the same file, or a mysql2 pool of the same size), decrypts the
// same fields with the same keys and answers the same JSON.
// Started by http.bench.ts: node http-minimal.mjs <port> <sqlite file | mysql url> <spec json>
import { createDecipheriv, createHash } from 'node:crypto';
import { createServer } from 'node:http';

const [portText, target, specText] = process.argv.slice(2);
/** @type {{ table: string, fields: { key: string, id: string, encrypted: boolean, kind: string }[], limit: number, dataKey: string }} */
const spec = JSON.parse(specText);
const mysql = target.startsWith('mysql://');
const q = (id) => (mysql ? `\`${id}\`` : `"${id}"`);
const columns = [...spec.fields.flatMap((f) => (f.encrypted ? [f.key, `${f.key}_bidx`] : [f.key])), 'id', 'version'];
const pageSql = `SELECT ${columns.map(q).join(', ')} FROM ${q(spec.table)} WHERE deleted_at IS NULL ORDER BY ${q('id')} ASC LIMIT ${spec.limit + 1}`;
const countSql = `SELECT COUNT(*) AS total FROM ${q(spec.table)} WHERE deleted_at IS NULL`;

const dataKey = Buffer.from(spec.dataKey, 'base64');
const keys = new Map([[createHash('sha256').update(dataKey).digest('hex').slice(0, 8), dataKey]]);

function decrypt(stored, fieldId) {
  const [version, keyId, iv, body] = stored.split('.');
  const key = keys.get(keyId);
  if (version !== 'v1' || !key) throw new Error('not a value this handler can decrypt');
  const data = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(fieldId, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

function item(row) {
  const record = { id: String(row.id), version: Number(row.version) };
  for (const field of spec.fields) {
    const raw = row[field.key];
    if (raw === null || raw === undefined) record[field.key] = null;
    else if (field.encrypted) record[field.key] = decrypt(String(raw), field.id);
    else if (field.kind === 'integer') record[field.key] = Number(raw);
    else record[field.key] = String(raw);
  }
  return record;
}

let run;
if (mysql) {
  const { createPool } = await import('mysql2/promise');
  const pool = createPool({ uri: target, charset: 'utf8mb4_unicode_ci', timezone: 'Z', dateStrings: true, supportBigNumbers: true, bigNumberStrings: false, connectionLimit: 10 });
  run = async () => {
    const [rows] = await pool.query(pageSql);
    const [[count]] = await pool.query(countSql);
    return { rows, total: Number(count.total) };
  };
} else {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(target, { readonly: true });
  db.pragma('busy_timeout = 5000');
  const page = db.prepare(pageSql);
  const count = db.prepare(countSql);
  run = async () => ({ rows: page.all(), total: Number(count.get().total) });
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    (async () => {
      if (request.method !== 'POST' || request.url !== '/api/records/customer/query') {
        response.writeHead(404).end();
        return;
      }
      JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      const { rows, total } = await run();
      const more = rows.length > spec.limit;
      const shown = more ? rows.slice(0, spec.limit) : rows;
      const nextCursor = more ? Buffer.from(JSON.stringify({ s: 'id:asc', v: [shown[shown.length - 1].id] })).toString('base64url') : null;
      const body = JSON.stringify({ items: shown.map(item), nextCursor, total });
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
    })().catch((error) => {
      response.writeHead(500).end(String(error));
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(portText), '127.0.0.1', () => process.stdout.write('listening\n'));
