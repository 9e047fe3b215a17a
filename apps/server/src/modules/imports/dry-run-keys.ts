import { createHash } from 'node:crypto';

/**
 * The match values a dry run has created so far. Each dry-run batch is rolled back, so a later
 * batch cannot find the record an earlier one created; the run remembers the keys itself and
 * counts a later row with the same key as the real run would (an update, or a skip). Kept as
 * short digests: a million-row file costs tens of megabytes, never a copy of its resident IDs.
 */
export class DryRunKeys {
  private readonly digests = new Set<string>();

  add(value: string): void {
    this.digests.add(digest(value));
  }

  has(value: string): boolean {
    return this.digests.size > 0 && this.digests.has(digest(value));
  }

  get size(): number {
    return this.digests.size;
  }
}

/** 96 bits of SHA-256: a collision among a million keys is about one chance in 10^16. */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64').slice(0, 16);
}
