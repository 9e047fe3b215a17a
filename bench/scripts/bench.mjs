// `npm run bench -- <name>`: builds what the benchmark imports, then runs bench/<name>.bench.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
run('npx', ['tsx', '--expose-gc', file, ...rest], benchDir);
