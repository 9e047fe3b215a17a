import { describe, expect, it } from 'vitest';
import type { RecordTypeCheck } from '../record/type-check.js';
import {
  loadTypeCheck,
  validatorRuntime,
  type ValidatorModule,
  type ValidatorRuntime,
} from './validator-runtime.js';

describe('loadTypeCheck', () => {
  it("hands the module the runtime and returns the module's check", () => {
    let given: ValidatorRuntime | undefined;
    const check: RecordTypeCheck = () => [];
    expect(loadTypeCheck({ default: (runtime) => ((given = runtime), check) })).toBe(check);
    expect(given).toBe(validatorRuntime);
  });

  it('refuses a module without a default function, or one that returns no check', () => {
    expect(() => loadTypeCheck({} as ValidatorModule)).toThrow(/default export is not a function/);
    expect(() => loadTypeCheck({ default: () => 42 } as unknown as ValidatorModule)).toThrow(
      /did not return a check/,
    );
  });
});

describe('validatorRuntime', () => {
  it('is frozen: a module cannot swap a check for the modules loaded after it', () => {
    expect(Object.isFrozen(validatorRuntime)).toBe(true);
    expect(Object.isFrozen(validatorRuntime.keywords)).toBe(true);
    expect(Object.isFrozen(validatorRuntime.formats)).toBe(true);
  });
});
