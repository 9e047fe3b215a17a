import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher.js';
import { addKeyToKeyringFile, keyIdOf, loadFieldCipher } from './keyring.js';

const key = (): Buffer => randomBytes(32);

describe('field cipher', () => {
  const k1 = key();
  const cipher = new FieldCipher(new Map([['k1', k1]]), 'k1', key());

  it('gives every value its own IV, across the pooled random bytes it draws them from', () => {
    const values = Array.from({ length: 1000 }, (_, i) => cipher.encrypt(`1381234${String(i).padStart(4, '0')}`, 'f_mobile'));
    expect(new Set(values.map((v) => v.split('.')[2])).size).toBe(1000);
    values.forEach((v, i) => expect(cipher.decrypt(v, 'f_mobile')).toBe(`1381234${String(i).padStart(4, '0')}`));
  });

  it('round-trips text, with a fresh IV each time and the key id inside', () => {
    const a = cipher.encrypt('11010519491231002X', 'f_rid');
    const b = cipher.encrypt('11010519491231002X', 'f_rid');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]+$/);
    expect(a).not.toContain('1101');
    expect(cipher.decrypt(a, 'f_rid')).toBe('11010519491231002X');
    expect(cipher.decrypt(cipher.encrypt('王小明 ✓', 'f'), 'f')).toBe('王小明 ✓');
  });

  it('refuses a value moved to another field or tampered with', () => {
    const stored = cipher.encrypt('13812345678', 'f_mobile');
    expect(() => cipher.decrypt(stored, 'f_other')).toThrow();
    const [v, id, iv, body] = stored.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([v, id, iv, flipped.toString('base64url')].join('.'), 'f_mobile')).toThrow();
    expect(() => cipher.decrypt('plain text', 'f_mobile')).toThrow(/not an encrypted value/);
  });

  it('blind-indexes equal values equally, under a key of its own', () => {
    expect(cipher.blindIndex('13812345678')).toBe(cipher.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345679'));
    expect(new FieldCipher(new Map([['k1', k1]]), 'k1', key()).blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345678'));
  });

  it('reads values of an older key and writes with the current one', () => {
    const k2 = key();
    const rotated = new FieldCipher(new Map([['k1', k1], ['k2', k2]]), 'k2', key());
    const old = cipher.encrypt('x', 'f');
    expect(rotated.decrypt(old, 'f')).toBe('x');
    expect(rotated.keyIdOf(rotated.encrypt('x', 'f'))).toBe('k2');
  });
});

describe('keyring', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a private keyring file on first start, warns, and finds keys added by a rotation', () => {
    dir = mkdtempSync(join(tmpdir(), 'bankforge-keys-'));
    const first = loadFieldCipher({ dataDir: dir });
    expect(first.warning).toMatch(/generated .*keyring\.json.*BANKFORGE_DATA_KEY/);
    expect(statSync(join(dir, 'keyring.json')).mode & 0o777).toBe(0o600);
    const stored = first.cipher.encrypt('secret', 'f');
    const id = addKeyToKeyringFile(dir);
    const second = loadFieldCipher({ dataDir: dir });
    expect(second.cipher.currentKeyId).toBe(id);
    expect(second.cipher.decrypt(stored, 'f')).toBe('secret');
    // A process started before the rotation learns the new key when it meets a value written with it.
    expect(first.cipher.decrypt(second.cipher.encrypt('later', 'f'), 'f')).toBe('later');
    expect(second.cipher.blindIndex('a')).toBe(first.cipher.blindIndex('a'));
    expect(JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).current).toBe(id);
  });

  it('takes production keys from the environment, old ones included, and insists on an index key', () => {
    dir = mkdtempSync(join(tmpdir(), 'bankforge-keys-'));
    const [current, old, index] = [key(), key(), key()];
    const loaded = loadFieldCipher({ dataDir: dir, dataKey: current.toString('base64'), oldDataKeys: old.toString('base64'), indexKey: index.toString('base64') });
    expect(loaded.warning).toBeUndefined();
    expect(loaded.cipher.currentKeyId).toBe(keyIdOf(current));
    const before = new FieldCipher(new Map([[keyIdOf(old), old]]), keyIdOf(old), index).encrypt('v', 'f');
    expect(loaded.cipher.decrypt(before, 'f')).toBe('v');
    expect(() => loadFieldCipher({ dataDir: dir, dataKey: current.toString('base64') })).toThrow(/BANKFORGE_INDEX_KEY/);
    expect(() => loadFieldCipher({ dataDir: dir, dataKey: 'c2hvcnQ=', indexKey: index.toString('base64') })).toThrow(/32 random bytes/);
  });
});
