import { Decimal } from 'decimal.js';
import type { FeelType } from './types.js';

/**
 * FEEL's value model (DMN 1.5, chapter 10.3.2). Numbers are decimals of 34 significant digits
 * (IEEE 754 decimal128), so `0.1 + 0.2 = 0.3` and money stays exact. Their exponent range is
 * decimal128's too: a result above 9.99…e6144 overflows (decimal.js answers Infinity, which the
 * operators and built-ins turn into null with a warning), one below 1e-6176 underflows to 0.
 */
export const FeelDecimal = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
  maxE: 6144,
  minE: -6176,
});
export type FeelNumber = InstanceType<typeof FeelDecimal>;

/** A calendar date without time or zone. */
export class FeelDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}
}

/**
 * A time of day. `offsetSeconds` is the UTC offset when known; `zone` an IANA zone id
 * (`@"10:00:00@Europe/Paris"`); both absent means a local time.
 */
export class FeelTime {
  constructor(
    readonly hour: number,
    readonly minute: number,
    /** Seconds with their fraction, as a decimal (FEEL keeps sub-second precision). */
    readonly second: FeelNumber,
    readonly offsetSeconds: number | null,
    readonly zone: string | null,
  ) {}
}

export class FeelDateTime {
  constructor(
    readonly date: FeelDate,
    readonly time: FeelTime,
  ) {}
}

/** `days and time duration`: a signed number of seconds (with fraction). */
export class DaysTimeDuration {
  constructor(readonly seconds: FeelNumber) {}
}

/** `years and months duration`: a signed number of months. */
export class YearsMonthsDuration {
  constructor(readonly months: number) {}
}

/** A FEEL context: ordered entries, looked up by own key only (never a prototype). */
export class FeelContext {
  readonly entries: Map<string, FeelValue>;
  constructor(entries?: Iterable<readonly [string, FeelValue]>) {
    this.entries = new Map(entries);
  }
  get(key: string): FeelValue | undefined {
    return this.entries.get(key);
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
}

/** A range `[a..b)`; an absent endpoint (`< 10`, `>= 5`) is null with `...Included` false. */
export class FeelRange {
  constructor(
    readonly startIncluded: boolean,
    readonly start: FeelValue,
    readonly end: FeelValue,
    readonly endIncluded: boolean,
  ) {}
}

/** Arguments of an invocation: positional, or by parameter name. */
export type FeelArguments = { positional: FeelValue[] } | { named: Map<string, FeelValue> };

/** A function value: a built-in, a FEEL `function(...)` definition, or a BKM. */
export class FeelFunction {
  constructor(
    readonly name: string,
    /** Parameter names in order; the last may be variadic (`...`) for built-ins like `sum`. */
    readonly parameters: readonly string[],
    readonly invoke: (args: FeelValue[], env: EvaluationEnvironment) => FeelValue,
    readonly variadic = false,
    /** The declared parameter types of a FEEL `function(a: T, ...)` (null where untyped). */
    readonly parameterTypes: readonly (FeelType | null)[] = [],
    /** The type of every result, when known without running the body (a literal body), else null. */
    readonly resultType: FeelType | null = null,
  ) {}
}

export type FeelValue =
  | null
  | boolean
  | string
  | FeelNumber
  | FeelDate
  | FeelTime
  | FeelDateTime
  | DaysTimeDuration
  | YearsMonthsDuration
  | FeelContext
  | FeelRange
  | FeelFunction
  | readonly FeelValue[];

/** A problem met while evaluating: the value became null and this says why (for the trace). */
export interface FeelWarning {
  code: string;
  message: string;
}

/**
 * Thrown when an evaluation runs out of its budget (steps, or time when the caller gave a clock):
 * the one error that escapes evaluation. `code` is stable for hosts to map to a problem.
 */
export class EvaluationBudgetExceeded extends Error {
  readonly code = 'expressionBudgetExceeded';
  constructor(
    /** What ran out. */
    readonly resource: 'steps' | 'time',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationBudgetExceeded';
  }
}

/** The step budget ran out (every loop iteration, filter element, invocation and unit of list or text work costs steps). */
export class StepBudgetExceeded extends EvaluationBudgetExceeded {
  constructor(readonly budget: number) {
    super('steps', `The expression took more than ${budget} evaluation steps and was stopped.`);
    this.name = 'StepBudgetExceeded';
  }
}

/** The caller's clock passed the evaluation's deadline. */
export class TimeBudgetExceeded extends EvaluationBudgetExceeded {
  constructor() {
    super('time', 'The expression ran past its time budget and was stopped.');
    this.name = 'TimeBudgetExceeded';
  }
}

/** With a clock, it is read once every this many steps (and at `checkpoint()`). */
export const CLOCK_INTERVAL = 256;

/** A caller's clock (milliseconds, e.g. `performance.now`) and the reading past which evaluation stops. */
export interface EvaluationDeadline {
  readonly clock: () => number;
  readonly at: number;
}

/**
 * What one evaluation carries: its warnings, the step budget, and the current time when the
 * caller gives one (engines never read the clock: `now()`/`today()` answer null without it).
 * A time budget needs the caller's clock too (`deadline`); it is read every `CLOCK_INTERVAL`
 * steps, so the step counter stays a single comparison on the hot path.
 */
export class EvaluationEnvironment {
  readonly warnings: FeelWarning[] = [];
  steps = 0;
  /** The step count at which `step` next looks at the budget or the clock. */
  private checkAt: number;
  constructor(
    readonly stepBudget: number = 1_000_000,
    readonly now: FeelDateTime | null = null,
    /** Named types (item definitions) that `instance of` may name. */
    readonly types: ReadonlyMap<string, FeelType> | null = null,
    readonly deadline: EvaluationDeadline | null = null,
  ) {
    this.checkAt = deadline === null ? stepBudget : Math.min(stepBudget, CLOCK_INTERVAL);
  }

  step(count = 1): void {
    this.steps += count;
    if (this.steps > this.checkAt) this.overrun();
  }

  /** Reads the clock now (for work between steps that may be long, such as repeated regex searches). */
  checkpoint(): void {
    if (this.deadline !== null && this.deadline.clock() > this.deadline.at) throw new TimeBudgetExceeded();
  }

  private overrun(): void {
    if (this.steps > this.stepBudget) throw new StepBudgetExceeded(this.stepBudget);
    this.checkpoint();
    this.checkAt = Math.min(this.stepBudget, this.steps + CLOCK_INTERVAL);
  }

  warn(code: string, message: string): null {
    this.warnings.push({ code, message });
    return null;
  }
}
