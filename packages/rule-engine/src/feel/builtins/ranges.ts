/**
 * Range functions (10.3.4.9, after Allen's interval algebra): each takes points or ranges in the
 * spec's combinations. A null endpoint is unbounded (it compares below/above every point).
 */
import { FeelRange, type EvaluationEnvironment, type FeelValue } from '../values/feel-value.js';
import { compare, feelEquals } from '../values/operators.js';
import { define, invalidArgument, type BuiltinFunction } from './define.js';

/** Thrown inside a range function when two endpoints cannot be compared; turned into null. */
class Incomparable {}
const INCOMPARABLE = new Incomparable();

/** Compares two endpoints; `side` of an unbounded (null) endpoint: -1 for a start, 1 for an end. */
function cmp(a: FeelValue, aSide: -1 | 1, b: FeelValue, bSide: -1 | 1, env: EvaluationEnvironment): number {
  if (a === null || b === null) {
    const x = a === null ? aSide : 0;
    const y = b === null ? bSide : 0;
    if (a === null && b === null) return x === y ? 0 : x < y ? -1 : 1;
    return x - y;
  }
  const c = compare(a, b, env);
  if (c === null) throw INCOMPARABLE;
  return c;
}

type Ctx = { env: EvaluationEnvironment };

function lt(ctx: Ctx, a: FeelValue, as: -1 | 1, b: FeelValue, bs: -1 | 1): boolean {
  return cmp(a, as, b, bs, ctx.env) < 0;
}
function gt(ctx: Ctx, a: FeelValue, as: -1 | 1, b: FeelValue, bs: -1 | 1): boolean {
  return cmp(a, as, b, bs, ctx.env) > 0;
}
function eq(ctx: Ctx, a: FeelValue, as: -1 | 1, b: FeelValue, bs: -1 | 1): boolean {
  if (a === null || b === null) return a === null && b === null && as === bs;
  if (feelEquals(a, b) === true) return true;
  return cmp(a, as, b, bs, ctx.env) === 0;
}

const S = -1; // side of a start
const E = 1; // side of an end

type R = FeelRange;
type P = FeelValue;

// Each relation by argument kinds (point or range); an absent combination is an invalid call.
interface Relation {
  pp?: (c: Ctx, p1: P, p2: P) => boolean;
  pr?: (c: Ctx, p: P, r: R) => boolean;
  rp?: (c: Ctx, r: R, p: P) => boolean;
  rr: (c: Ctx, r1: R, r2: R) => boolean;
}

const includesPoint = (c: Ctx, r: R, p: P): boolean =>
  (lt(c, r.start, S, p, E) && gt(c, r.end, E, p, S)) ||
  (r.startIncluded && eq(c, r.start, S, p, E)) ||
  (r.endIncluded && eq(c, r.end, E, p, S));

const includesRange = (c: Ctx, r1: R, r2: R): boolean =>
  (lt(c, r1.start, S, r2.start, S) || (eq(c, r1.start, S, r2.start, S) && (r1.startIncluded || !r2.startIncluded))) &&
  (gt(c, r1.end, E, r2.end, E) || (eq(c, r1.end, E, r2.end, E) && (r1.endIncluded || !r2.endIncluded)));

const RELATIONS: Readonly<Record<string, Relation>> = {
  before: {
    pp: (c, a, b) => lt(c, a, E, b, S),
    pr: (c, p, r) => lt(c, p, E, r.start, S) || (eq(c, p, E, r.start, S) && !r.startIncluded),
    rp: (c, r, p) => lt(c, r.end, E, p, S) || (eq(c, r.end, E, p, S) && !r.endIncluded),
    rr: (c, a, b) => lt(c, a.end, E, b.start, S) || ((!a.endIncluded || !b.startIncluded) && eq(c, a.end, E, b.start, S)),
  },
  after: {
    pp: (c, a, b) => gt(c, a, S, b, E),
    pr: (c, p, r) => gt(c, p, S, r.end, E) || (eq(c, p, S, r.end, E) && !r.endIncluded),
    rp: (c, r, p) => gt(c, r.start, S, p, E) || (eq(c, r.start, S, p, E) && !r.startIncluded),
    rr: (c, a, b) => gt(c, a.start, S, b.end, E) || ((!a.startIncluded || !b.endIncluded) && eq(c, a.start, S, b.end, E)),
  },
  meets: {
    rr: (c, a, b) => a.endIncluded && b.startIncluded && eq(c, a.end, E, b.start, S),
  },
  'met by': {
    rr: (c, a, b) => a.startIncluded && b.endIncluded && eq(c, a.start, S, b.end, E),
  },
  overlaps: {
    rr: (c, a, b) =>
      (gt(c, a.end, E, b.start, S) || (eq(c, a.end, E, b.start, S) && a.endIncluded && b.startIncluded)) &&
      (lt(c, a.start, S, b.end, E) || (eq(c, a.start, S, b.end, E) && a.startIncluded && b.endIncluded)),
  },
  'overlaps before': {
    rr: (c, a, b) =>
      (lt(c, a.start, S, b.start, S) || (eq(c, a.start, S, b.start, S) && a.startIncluded && !b.startIncluded)) &&
      (gt(c, a.end, E, b.start, S) || (eq(c, a.end, E, b.start, S) && a.endIncluded && b.startIncluded)) &&
      (lt(c, a.end, E, b.end, E) || (eq(c, a.end, E, b.end, E) && (!a.endIncluded || b.endIncluded))),
  },
  'overlaps after': {
    rr: (c, a, b) =>
      (lt(c, b.start, S, a.start, S) || (eq(c, b.start, S, a.start, S) && b.startIncluded && !a.startIncluded)) &&
      (gt(c, b.end, E, a.start, S) || (eq(c, b.end, E, a.start, S) && b.endIncluded && a.startIncluded)) &&
      (lt(c, b.end, E, a.end, E) || (eq(c, b.end, E, a.end, E) && (!b.endIncluded || a.endIncluded))),
  },
  finishes: {
    pr: (c, p, r) => r.endIncluded && eq(c, r.end, E, p, S),
    rr: (c, a, b) =>
      a.endIncluded === b.endIncluded &&
      eq(c, a.end, E, b.end, E) &&
      (gt(c, a.start, S, b.start, S) || (eq(c, a.start, S, b.start, S) && (!a.startIncluded || b.startIncluded))),
  },
  'finished by': {
    rp: (c, r, p) => r.endIncluded && eq(c, r.end, E, p, S),
    rr: (c, a, b) =>
      a.endIncluded === b.endIncluded &&
      eq(c, a.end, E, b.end, E) &&
      (lt(c, a.start, S, b.start, S) || (eq(c, a.start, S, b.start, S) && (a.startIncluded || !b.startIncluded))),
  },
  includes: {
    rp: includesPoint,
    rr: includesRange,
  },
  during: {
    pr: (c, p, r) => includesPoint(c, r, p),
    rr: (c, a, b) => includesRange(c, b, a),
  },
  starts: {
    pr: (c, p, r) => r.startIncluded && eq(c, r.start, S, p, E),
    rr: (c, a, b) =>
      eq(c, a.start, S, b.start, S) &&
      a.startIncluded === b.startIncluded &&
      (lt(c, a.end, E, b.end, E) || (eq(c, a.end, E, b.end, E) && (!a.endIncluded || b.endIncluded))),
  },
  'started by': {
    rp: (c, r, p) => r.startIncluded && eq(c, r.start, S, p, E),
    rr: (c, a, b) =>
      eq(c, a.start, S, b.start, S) &&
      a.startIncluded === b.startIncluded &&
      (lt(c, b.end, E, a.end, E) || (eq(c, b.end, E, a.end, E) && (!b.endIncluded || a.endIncluded))),
  },
  coincides: {
    pp: (c, a, b) => eq(c, a, E, b, E),
    rr: (c, a, b) =>
      eq(c, a.start, S, b.start, S) && a.startIncluded === b.startIncluded && eq(c, a.end, E, b.end, E) && a.endIncluded === b.endIncluded,
  },
};

function relation(name: string, r: Relation): BuiltinFunction {
  const signatures: string[] = [];
  if (r.pp !== undefined) signatures.push('point1, point2');
  if (r.pr !== undefined) signatures.push('point, range');
  if (r.rp !== undefined) signatures.push('range, point');
  signatures.push('range1, range2');
  return define(name, signatures, (args, env) => {
    const a = args[0] ?? null;
    const b = args[1] ?? null;
    if (a === null || b === null) return null;
    const ctx: Ctx = { env };
    const ra = a instanceof FeelRange;
    const rb = b instanceof FeelRange;
    try {
      if (ra && rb) return r.rr(ctx, a, b);
      if (ra && r.rp !== undefined) return r.rp(ctx, a, b);
      if (rb && r.pr !== undefined) return r.pr(ctx, a, b);
      if (!ra && !rb && r.pp !== undefined) return r.pp(ctx, a, b);
    } catch (e) {
      if (e === INCOMPARABLE) return null;
      throw e;
    }
    return invalidArgument(env, name, 'these arguments are not points and ranges this function takes');
  });
}

export const RANGE_FUNCTIONS: readonly BuiltinFunction[] = Object.entries(RELATIONS).map(([name, r]) => relation(name, r));
