import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

const KEY_LENGTH = 32;
/** OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB per hash; 2^15 keeps logins under ~100 ms on a small server. */
const PARAMS = { N: 1 << 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, so the parameters can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** NIST SP 800-63B's floor is 8; a bank asks for more. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's "safely unguessable" (at least 10^8 guesses); 4 would refuse many good passphrases. */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordProblem {
  /** Says what is wrong, to follow "The password ". */
  message: string;
  messageZh: string;
}

let estimator: ZxcvbnFactory | undefined;
/**
 * Built on first use (the dictionaries take ~100 ms to load). Levenshtein matching stays off: it
 * costs ~300 ms of blocked event loop per check for little gain over the l33t and dictionary matchers.
 */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * Length, then how guessable it is: zxcvbn estimates the guesses an attacker needs, knowing
 * common passwords, words, names, keyboard walks, sequences, dates and l33t, and the `context`
 * (the username and display name) and the product's name count as known. No composition rules (NIST SP 800-63B):
 * `Password1234` has all of them and is among the first guesses.
 */
export function passwordProblem(password: string, context: readonly string[] = []): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return { message: `must be at least ${MIN_PASSWORD_LENGTH} characters`, messageZh: `至少需要 ${MIN_PASSWORD_LENGTH} 个字符` };
  if (password.length > MAX_PASSWORD_LENGTH) return { message: `must be at most ${MAX_PASSWORD_LENGTH} characters`, messageZh: `最多 ${MAX_PASSWORD_LENGTH} 个字符` };
  // `zhang.wei` as one input would not match `Zhang-Wei-2026`, so each word of it counts too.
  const known = ['bankforge', ...context].flatMap((input) => [input, ...input.split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length > 0);
  const result = strength().check(password, known);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
  return {
    message: `is too easy to guess${why}: strength ${result.score} of 4, at least ${MIN_PASSWORD_SCORE} needed; use a longer passphrase of unrelated words`,
    messageZh: `太容易被猜到：强度 ${result.score}/4，至少需要 ${MIN_PASSWORD_SCORE}；请使用由多个不相关词组成的更长密码`,
  };
}

/** A random password for the bootstrap administrator: 24 characters from every class. */
export function generatePassword(): string {
  return `${randomBytes(18).toString('base64url')}-9aZ`;
}
