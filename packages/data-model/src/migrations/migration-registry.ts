/**
 * Up-migrations of stored artifact documents, one registry per artifact kind (as tldraw migrates
 * its records): a document carries the `schemaVersion` of the format it was written in; loading
 * applies, in order, every step from there to the current version, and stamps each step's
 * output with the version it produced. Documents written by a newer release are refused, never
 * guessed at.
 */

/** A JSON object as stored: what a step receives and returns. */
export type StoredDocument = Record<string, unknown>;

/** One change of format: `up` turns a document of version `version - 1` into one of `version`. */
export interface MigrationStep {
  readonly version: number;
  /** What changed, for the changelog and error reports. */
  readonly description: string;
  /** May change its argument (a private copy) and return it. */
  up(document: StoredDocument): StoredDocument;
}

export const MIGRATION_ERROR_CODES = [
  'notADocument',
  'wrongKind',
  'invalidSchemaVersion',
  'schemaVersionTooNew',
] as const;
export type MigrationErrorCode = (typeof MIGRATION_ERROR_CODES)[number];

/** A document that cannot be brought to the current format. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

export interface Migrated<T> {
  /** The document in the current format (a copy: the input is never changed). */
  document: T;
  /** The `schemaVersion` it was stored in (1 when it had none). */
  migratedFrom: number;
}

export interface Migrations<T> {
  readonly kind: string;
  readonly currentVersion: number;
  /** Brings a stored document of this kind to the current format. Throws a `MigrationError`. */
  migrate(document: unknown): Migrated<T>;
}

function isDocument(value: unknown): value is StoredDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The registry of one artifact kind whose format is at `currentVersion`: `steps` must be the
 * migrations to versions 2, 3, …, `currentVersion`, in that order (checked here, so a version
 * bump without its migration fails at load time, not on a customer's document).
 */
export function defineMigrations<T>(
  kind: string,
  currentVersion: number,
  steps: readonly MigrationStep[],
): Migrations<T> {
  steps.forEach((step, i) => {
    if (step.version !== i + 2) {
      throw new Error(
        `${kind} migrations: step ${i + 1} must migrate to version ${i + 2}, not ${step.version}`,
      );
    }
  });
  if (steps.length !== currentVersion - 1) {
    throw new Error(
      `${kind} migrations: version ${currentVersion} needs ${currentVersion - 1} steps, got ${steps.length}`,
    );
  }
  return {
    kind,
    currentVersion,
    migrate(input: unknown): Migrated<T> {
      if (!isDocument(input)) {
        throw new MigrationError(
          'notADocument',
          `A ${kind} document must be a JSON object`,
          `${kind} 文档必须是 JSON 对象`,
        );
      }
      if (input.kind !== kind) {
        throw new MigrationError(
          'wrongKind',
          `Not a ${kind} document (kind ${JSON.stringify(input.kind)})`,
          `不是 ${kind} 文档（kind 为 ${JSON.stringify(input.kind)}）`,
        );
      }
      const from = input.schemaVersion ?? 1;
      if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
        throw new MigrationError(
          'invalidSchemaVersion',
          `schemaVersion must be a positive integer, got ${JSON.stringify(from)}`,
          `schemaVersion 必须是正整数，实际为 ${JSON.stringify(from)}`,
        );
      }
      if (from > currentVersion) {
        throw new MigrationError(
          'schemaVersionTooNew',
          `This ${kind} was saved in format version ${from}; this release reads up to version ${currentVersion}. Upgrade BankForge to open it.`,
          `该${kind}以格式版本 ${from} 保存，当前版本最高支持 ${currentVersion}。请升级 BankForge 后再打开。`,
        );
      }
      let document = structuredClone(input);
      for (const step of steps.slice(from - 1))
        document = { ...step.up(document), schemaVersion: step.version };
      return { document: { ...document, schemaVersion: currentVersion } as T, migratedFrom: from };
    },
  };
}
