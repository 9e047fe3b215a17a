// Prints the gzip size of the JavaScript a browser app loads before its first render (the entry
// script and the chunks index.html preloads) and fails the build when it is over budget.
// Usage: node scripts/bundle-budget.mjs <dist folder> <budget in KB> <name>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist, budgetArg, name = dist] = process.argv.slice(2);
const budget = Number(budgetArg);
if (!dist || !Number.isFinite(budget)) {
  console.error('usage: node scripts/bundle-budget.mjs <dist> <budget KB> [name]');
  process.exit(2);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const base = /<script[^>]+src="([^"]+)"/.exec(html)?.[1]?.replace(/assets\/.*$/, '') ?? '/';
const urls = [
  ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
];
let total = 0;
for (const url of new Set(urls)) {
  const file = join(dist, url.startsWith(base) ? url.slice(base.length) : url);
  total += gzipSync(readFileSync(file)).length;
}
const kb = total / 1024;
console.log(`BUNDLE ${name} initial JS: ${kb.toFixed(1)} KB gzip in ${new Set(urls).size} file(s) (budget ${budget} KB)`);
if (kb > budget) {
  console.error(`${name}: the initial JS is over its budget of ${budget} KB gzip`);
  process.exit(1);
}
