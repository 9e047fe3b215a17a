import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores a salted scrypt hash that verifies only the right password', async () => {
    const hash = await hashPassword('Correct-Horse-9');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('Correct-Horse-9');
    expect(await verifyPassword('Correct-Horse-9', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-9', hash)).toBe(false);
    expect(await hashPassword('Correct-Horse-9')).not.toBe(hash);
  });

  it('refuses malformed stored hashes', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$a$b')).toBe(false);
  });
});

describe('password policy', () => {
  it('asks for 12 to 256 characters', () => {
    expect(passwordProblem('short1A!')?.message).toMatch(/at least 12/);
    expect(passwordProblem(`${generatePassword()}`.repeat(12))?.message).toMatch(/at most 256/);
  });

  it('refuses common passwords, keyboard walks and padding, however many character classes they mix', () => {
    for (const weak of ['Password1234', 'Qwerty123456', `Ab1${' '.repeat(9)}`, 'Pa$$w0rd1234', 'Welcome12345', 'iloveyou2024', 'aaaaaaaaaaaaaaaa']) {
      expect(passwordProblem(weak)?.message, weak).toMatch(/too easy to guess/);
      expect(passwordProblem(weak)?.messageZh, weak).toMatch(/太容易被猜到/);
    }
  });

  it('counts the username and display name as known to the attacker', () => {
    expect(passwordProblem('Zhangwei.Li88!')).toBeUndefined();
    expect(passwordProblem('Zhangwei.Li88!', ['zhangwei.li88', 'Zhangwei Li'])?.message).toMatch(/too easy to guess/);
  });

  it('accepts passphrases and generated passwords', () => {
    for (const strong of ['Lower-and-UPPER', 'correct horse battery staple', 'Teller-Pass-2026', 'Test-Admin-Password-1', generatePassword()]) {
      expect(passwordProblem(strong), strong).toBeUndefined();
    }
  });
});
