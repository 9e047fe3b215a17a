const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** A mainland China mobile number: exactly 11 digits, starting with 1, second digit 3–9. */
export function isMainlandMobile(s: string): boolean {
  return typeof s === 'string' && MAINLAND_MOBILE.test(s);
}
