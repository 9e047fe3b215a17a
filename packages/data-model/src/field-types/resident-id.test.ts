import { describe, expect, it } from 'vitest';
import { residentIdBirthDate, residentIdCheckCharacter, validateResidentId } from './resident-id.js';
import { residentId } from '../testing/fixtures.js';

describe('residentIdCheckCharacter', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    // 11010519900307001: 7+9+0+5+0+20+2+9+54+0+0+27+0+35+0+0+2 = 170; 170 mod 11 = 5 → '7'.
    expect(residentIdCheckCharacter('11010519900307001')).toBe('7');
  });

  it('yields every character of the mapping 1,0,X,9,8,7,6,5,4,3,2', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++)
      seen.add(residentIdCheckCharacter(`1101051990030${String(n).padStart(4, '0')}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckCharacter('1101051949123100A')).toThrow(RangeError);
  });
});

describe('validateResidentId', () => {
  it('accepts known-valid ids', () => {
    expect(validateResidentId('11010519491231002X')).toBe('ok');
    expect(validateResidentId('110105199003070017')).toBe('ok');
    expect(validateResidentId(residentId('44030420000229123'))).toBe('ok'); // 2000-02-29: a leap day
  });

  it('accepts every generated id whose birth date is real', () => {
    for (let n = 0; n < 50; n++) {
      const id = residentId(`3201021985061${String(n).padStart(4, '0')}`);
      expect(validateResidentId(id)).toBe('ok');
    }
  });

  it.each([
    ['11010519491231002x', 'lower-case x (normalizeRecordValues upper-cases it)'],
    ['11010519491231002', '17 characters'],
    ['11010519491231002X1', '19 characters'],
    ['1101051949123100XX', 'X before the last position'],
    ['11010519491231002 ', 'trailing space'],
    ['', 'empty'],
  ])('reports format for %s (%s)', (s) => {
    expect(validateResidentId(s)).toBe('format');
  });

  it('reports checksum when the last character is wrong', () => {
    expect(validateResidentId('110105194912310021')).toBe('checksum');
    expect(validateResidentId('110105199003070018')).toBe('checksum');
  });

  it('reports checksum for a single mistyped digit', () => {
    expect(validateResidentId('11010519491231003X')).toBe('checksum');
  });

  it.each([
    ['11010519490230123', 'February 30'],
    ['11010519491301123', 'month 13'],
    ['11010519490000123', 'month 00'],
    ['11010520230229123', '2023-02-29 (not a leap year)'],
    ['11010518991231123', '1899-12-31 (before 1900)'],
  ])('reports birthDate for %s (%s) even with a correct check character', (first17) => {
    expect(validateResidentId(residentId(first17))).toBe('birthDate');
  });

  it('checks the birth date against today only when today is given', () => {
    const bornIn2030 = residentId('11010520300101123');
    expect(validateResidentId(bornIn2030)).toBe('ok');
    expect(validateResidentId(bornIn2030, '2024-06-01')).toBe('birthDate');
    expect(validateResidentId(residentId('11010520240601123'), '2024-06-01')).toBe('ok');
    expect(validateResidentId(residentId('11010520240602123'), '2024-06-01')).toBe('birthDate');
  });

  it('reports birthDate for the textbook example 440524188001010014 (born 1880)', () => {
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    expect(validateResidentId('440524188001010014')).toBe('birthDate');
  });

  it('accepts 1900-01-01 as the earliest birth date', () => {
    expect(validateResidentId(residentId('11010519000101123'))).toBe('ok');
  });

  it('refuses a malformed today', () => {
    expect(() => validateResidentId('11010519491231002X', '2024-13-01')).toThrow(RangeError);
  });
});

describe('residentIdBirthDate', () => {
  it('reads the birth date of a valid resident ID', () => {
    expect(residentIdBirthDate(residentId('11010519850304001'))).toBe('1985-03-04');
  });

  it('reads none from an invalid one', () => {
    const valid = residentId('11010519850304001');
    expect(residentIdBirthDate(valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0'))).toBeUndefined();
    expect(residentIdBirthDate('11010519850304')).toBeUndefined();
    expect(residentIdBirthDate(residentId('11010518991231001'))).toBeUndefined();
  });
});
