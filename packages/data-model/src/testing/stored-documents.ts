import { readFileSync } from 'node:fs';

/** An entity document as an older release stored it (`entity/fixtures/<name>.json`), for up-migration tests. */
export function storedEntityDocument(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../entity/fixtures/${name}.json`, import.meta.url), 'utf8'));
}
