import { createConnection } from 'mysql2/promise';

/** The MariaDB the benches write to (`BENCH_MYSQL_URL`, else the tests' `TEST_MYSQL_URL`). */
export const benchMysqlUrl = new URL(process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');

/** Drops and creates a schema of that server; answers its URL. */
export async function freshSchema(name: string): Promise<string> {
  const base = benchMysqlUrl;
  const conn = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await conn.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
