/** Formatting of generated values into the shapes records carry. */

export const DAY_MS = 86_400_000;

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A CNY money value from a whole number of fen (cents). */
export function cny(cents: number): { amount: string; currency: string } {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(cents) / 100);
  return { amount: `${sign}${whole}.${pad(Math.abs(cents) - whole * 100, 2)}`, currency: 'CNY' };
}

/** The whole number of fen (cents) of a money value `cny` made. */
export function centsOf(money: { amount: string }): number {
  const [whole = '0', fraction = '00'] = money.amount.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction);
  return money.amount.startsWith('-') ? -cents : cents;
}

/** `YYYY-MM-DD` of a UTC instant. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A UTC ISO timestamp with milliseconds and `Z`. */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A percentage (0 to 100) as an exact decimal string with two fraction digits, e.g. `'17.86'`. */
export function percent(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

/** The Luhn check digit of a string of digits, as bank card numbers carry. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
