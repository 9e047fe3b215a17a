import { describe, expect, it } from 'vitest';
import {
  defineMigrations,
  MigrationError,
  type MigrationStep,
  type StoredDocument,
} from './migration-registry.js';

interface Widget {
  kind: 'widget';
  schemaVersion: number;
  title: string;
  size: number;
}

/** A two-step chain: 1 → 2 renames `name` to `title`; 2 → 3 derives `size` from `title`. */
function widgetMigrations(seen: Array<[number, unknown]>) {
  const steps: MigrationStep[] = [
    {
      version: 2,
      description: 'name is now title',
      up(doc: StoredDocument) {
        seen.push([2, doc.schemaVersion]);
        const { name, ...rest } = doc;
        return { ...rest, title: name };
      },
    },
    {
      version: 3,
      description: 'size, the length of the title',
      up(doc: StoredDocument) {
        seen.push([3, doc.schemaVersion]);
        doc.size = String(doc.title).length;
        return doc;
      },
    },
  ];
  return defineMigrations<Widget>('widget', 3, steps);
}

describe('defineMigrations', () => {
  it('applies every step in order from a document without schemaVersion (version 1)', () => {
    const seen: Array<[number, unknown]> = [];
    const result = widgetMigrations(seen).migrate({ kind: 'widget', name: 'Teller' });
    expect(result).toEqual({
      document: { kind: 'widget', schemaVersion: 3, title: 'Teller', size: 6 },
      migratedFrom: 1,
    });
    // Step 3 saw step 2's output, stamped version 2.
    expect(seen).toEqual([
      [2, undefined],
      [3, 2],
    ]);
  });

  it('starts from the stored schemaVersion, and leaves current documents as they are', () => {
    const seen: Array<[number, unknown]> = [];
    const migrations = widgetMigrations(seen);
    expect(migrations.migrate({ kind: 'widget', schemaVersion: 2, title: 'RM' })).toEqual({
      document: { kind: 'widget', schemaVersion: 3, title: 'RM', size: 2 },
      migratedFrom: 2,
    });
    expect(seen).toEqual([[3, 2]]);
    const current = { kind: 'widget', schemaVersion: 3, title: 'RM', size: 2 };
    expect(migrations.migrate(current)).toEqual({ document: current, migratedFrom: 3 });
    expect(seen).toHaveLength(1);
  });

  it('never changes the stored document', () => {
    const stored = { kind: 'widget', schemaVersion: 2, title: 'Teller', nested: { a: [1] } };
    const copy = structuredClone(stored);
    const { document } = widgetMigrations([]).migrate(stored);
    expect(stored).toEqual(copy);
    expect((document as unknown as typeof stored).nested).not.toBe(stored.nested);
  });

  it('refuses a document of a newer format with schemaVersionTooNew', () => {
    const migrate = () => widgetMigrations([]).migrate({ kind: 'widget', schemaVersion: 4 });
    expect(migrate).toThrow(MigrationError);
    expect(migrate).toThrow(
      expect.objectContaining({
        code: 'schemaVersionTooNew',
        messageZh: expect.stringContaining('4') as string,
      }),
    );
  });

  it.each([
    ['notADocument', null],
    ['notADocument', [{ kind: 'widget' }]],
    ['wrongKind', { kind: 'form', schemaVersion: 1 }],
    ['invalidSchemaVersion', { kind: 'widget', schemaVersion: '2' }],
    ['invalidSchemaVersion', { kind: 'widget', schemaVersion: 0 }],
    ['invalidSchemaVersion', { kind: 'widget', schemaVersion: 1.5 }],
  ])('refuses with %s: %j', (code, doc) => {
    expect(() => widgetMigrations([]).migrate(doc)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a registry whose steps do not lead one by one to the current version', () => {
    const step = (version: number): MigrationStep => ({ version, description: '', up: (d) => d });
    expect(() => defineMigrations('widget', 3, [step(3), step(2)])).toThrow(
      /step 1 must migrate to version 2/,
    );
    expect(() => defineMigrations('widget', 3, [step(2)])).toThrow(/needs 2 steps/);
    expect(defineMigrations('widget', 1, []).currentVersion).toBe(1);
  });
});
