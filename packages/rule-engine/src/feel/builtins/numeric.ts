/** Numeric functions (10.3.4.5), in decimal arithmetic of 34 digits. */
import { Decimal } from 'decimal.js';
import {
  DaysTimeDuration,
  FeelDecimal,
  YearsMonthsDuration,
  type EvaluationEnvironment,
  type FeelNumber,
  type FeelValue,
} from '../values/feel-value.js';
import { define, expected, int, invalidArgument, single, type BuiltinFunction } from './define.js';

const MIN_SCALE = -6111;
const MAX_SCALE = 6176;
const TEN = new FeelDecimal(10);

/** Rounds `n` to `scale` decimal places (a negative scale rounds to tens, hundreds...). */
export function quantize(n: FeelNumber, scale: number, rounding: Decimal.Rounding): FeelNumber {
  if (scale >= 0) return n.toDecimalPlaces(scale, rounding);
  const factor = TEN.pow(-scale);
  return n.div(factor).toDecimalPlaces(0, rounding).times(factor);
}

function numberArg(args: readonly FeelValue[], i: number, fn: string, parameter: string, env: EvaluationEnvironment): FeelNumber | null {
  const v = single(args[i]);
  if (v instanceof FeelDecimal) return v;
  return v === null ? null : expected(env, fn, parameter, 'number', v);
}

function scaleArg(args: readonly FeelValue[], i: number, fn: string, env: EvaluationEnvironment): number | null {
  if (single(args[i]) === null) return null;
  const s = int(args[i]);
  if (s === null) return expected(env, fn, 'scale', 'number', args[i] ?? null);
  if (s < MIN_SCALE || s > MAX_SCALE) return invalidArgument(env, fn, `scale must be between ${MIN_SCALE} and ${MAX_SCALE}`);
  return s;
}

function rounding(name: string, mode: Decimal.Rounding, scaleOptional: boolean): BuiltinFunction {
  return define(name, scaleOptional ? ['n, scale?'] : ['n, scale'], (args, env) => {
    const n = numberArg(args, 0, name, 'n', env);
    if (n === null) return null;
    if (args.length < 2) return quantize(n, 0, mode);
    const scale = scaleArg(args, 1, name, env);
    return scale === null ? null : quantize(n, scale, mode);
  });
}

function unaryNumber(name: string, parameter: string, op: (n: FeelNumber, env: EvaluationEnvironment) => FeelValue): BuiltinFunction {
  return define(name, parameter, (args, env) => {
    const n = numberArg(args, 0, name, parameter, env);
    return n === null ? null : op(n, env);
  });
}

function finite(n: FeelNumber, fn: string, env: EvaluationEnvironment): FeelValue {
  return n.isFinite() ? n : invalidArgument(env, fn, 'the result is not a finite number');
}

function parity(name: string, odd: boolean): BuiltinFunction {
  return unaryNumber(name, 'number', (n, env) => {
    if (!n.isInteger()) return invalidArgument(env, name, 'expects an integer');
    const isOdd = !n.mod(2).isZero();
    return odd ? isOdd : !isOdd;
  });
}

export const NUMERIC_FUNCTIONS: readonly BuiltinFunction[] = [
  define('decimal', 'n, scale', (args, env) => {
    const n = numberArg(args, 0, 'decimal', 'n', env);
    const scale = scaleArg(args, 1, 'decimal', env);
    return n === null || scale === null ? null : quantize(n, scale, Decimal.ROUND_HALF_EVEN);
  }),
  rounding('floor', Decimal.ROUND_FLOOR, true),
  rounding('ceiling', Decimal.ROUND_CEIL, true),
  rounding('round up', Decimal.ROUND_UP, false),
  rounding('round down', Decimal.ROUND_DOWN, false),
  rounding('round half up', Decimal.ROUND_HALF_UP, false),
  rounding('round half down', Decimal.ROUND_HALF_DOWN, false),
  define('abs', 'n', (args, env) => {
    const v = single(args[0]);
    if (v instanceof FeelDecimal) return v.abs();
    if (v instanceof DaysTimeDuration) return new DaysTimeDuration(v.seconds.abs());
    if (v instanceof YearsMonthsDuration) return new YearsMonthsDuration(Math.abs(v.months));
    return v === null ? null : expected(env, 'abs', 'n', 'number or duration', v);
  }),
  define('modulo', 'dividend, divisor', (args, env) => {
    const dividend = numberArg(args, 0, 'modulo', 'dividend', env);
    const divisor = numberArg(args, 1, 'modulo', 'divisor', env);
    if (dividend === null || divisor === null) return null;
    if (divisor.isZero()) return env.warn('divisionByZero', 'modulo(): division by zero.');
    // The result takes the divisor's sign: dividend - divisor * floor(dividend / divisor).
    const r = dividend.mod(divisor);
    return !r.isZero() && r.isNegative() !== divisor.isNegative() ? r.plus(divisor) : r;
  }),
  unaryNumber('sqrt', 'number', (n, env) => (n.isNegative() && !n.isZero() ? invalidArgument(env, 'sqrt', 'the number is negative') : n.sqrt())),
  unaryNumber('log', 'number', (n, env) => (n.lte(0) ? invalidArgument(env, 'log', 'the number must be positive') : n.ln())),
  unaryNumber('exp', 'number', (n, env) => finite(n.exp(), 'exp', env)),
  parity('odd', true),
  parity('even', false),
];
