// `npm run bench -- <name>`: builds what the benchmark imports, then runs bench/<name>.bench.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const [name, ...rest] = process.argv.slice(2);
const file = `${name}.bench.ts`;
if (!name || !existsSync(`${benchDir}/${file}`)) {
  console.error(`usage: npm run bench -- <name>   (bench/<name>.bench.ts)`);
  process.exit(2);
}
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['turbo', 'run', 'build', '--filter=@bankforge/bench^...', '--output-logs=errors-only'], `${benchDir}/..`);
// The import bench runs the server in its own process: with the V8 flags the server starts with (its `start` script).
const serverFlags = name === 'import' ? (JSON.parse(readFileSync(`${benchDir}/../apps/server/package.json`, 'utf8')).scripts.start.match(/--[\w-]+=\S+/g) ?? []) : [];
run('npx', ['tsx', '--expose-gc', ...serverFlags, file, ...rest], benchDir);
