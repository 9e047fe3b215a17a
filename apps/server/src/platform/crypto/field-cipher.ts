import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Random bytes drawn at once for many IVs: one call to the system's generator per 341 values, not per value (an import encrypts millions). */
const IV_POOL_BYTES = 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

/** A fresh random 96-bit IV: each slice of the pool is used once, and a used-up pool is replaced, never refilled in place. */
function nextIv(): Buffer {
  if (ivOffset + 12 > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + 12);
  ivOffset += 12;
  return iv;
}

/** A keyring as plain data: what an import's worker thread, in this process, encrypts and indexes with. Never logged, stored or sent. */
export interface FieldCipherKeys {
  keys: [string, Uint8Array][];
  current: string;
  indexKey: Uint8Array;
}

/**
 * AES-256-GCM for sensitive field values, with the key id stored in every value so keys can be
 * rotated, and an HMAC-SHA-256 blind index so exact lookups and duplicate checks work without
 * decrypting. The field's id is the GCM associated data: a value copied into another field does
 * not decrypt there.
 *
 * Stored form: `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url parts).
 */
export class FieldCipher {
  constructor(
    private keys: ReadonlyMap<string, Buffer>,
    private current: string,
    private readonly indexKey: Buffer,
    /** Called when a value names a key this process does not hold: another process may have rotated. */
    private readonly reload?: () => { keys: ReadonlyMap<string, Buffer>; current: string },
  ) {
    if (!keys.has(current)) throw new Error(`the current data key ${current} is not in the keyring`);
    for (const [id, key] of keys) if (key.length !== 32) throw new Error(`data key ${id} is not 32 bytes`);
    if (indexKey.length !== 32) throw new Error('the blind-index key is not 32 bytes');
  }

  /** The same cipher in another thread: it gets the keys as they are now (a worker never decrypts, so never needs a rotated key). */
  static fromKeys(material: FieldCipherKeys): FieldCipher {
    const buffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return new FieldCipher(new Map(material.keys.map(([id, key]) => [id, buffer(key)])), material.current, buffer(material.indexKey));
  }

  /** The keys, for `fromKeys` in a worker thread of this process. */
  keyMaterial(): FieldCipherKeys {
    return { keys: [...this.keys], current: this.current, indexKey: this.indexKey };
  }

  get currentKeyId(): string {
    return this.current;
  }

  encrypt(plain: string, fieldId: string): string {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.current)!, iv);
    cipher.setAAD(Buffer.from(fieldId, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${this.current}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  decrypt(stored: string, fieldId: string): string {
    const [version, keyId, iv, body] = stored.split('.');
    if (version !== 'v1' || !keyId || !iv || !body) throw new Error('not an encrypted value');
    let key = this.keys.get(keyId);
    if (!key && this.reload) {
      ({ keys: this.keys, current: this.current } = this.reload());
      key = this.keys.get(keyId);
    }
    if (!key) throw new Error(`data key ${keyId} is not in the keyring`);
    const data = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(fieldId, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  }

  keyIdOf(stored: string): string | undefined {
    return stored.split('.')[1];
  }

  /** Equal values give equal indexes (in any field), and the index reveals nothing without the key. */
  blindIndex(canonical: string): string {
    return createHmac('sha256', this.indexKey).update(canonical, 'utf8').digest('hex');
  }
}
