import { describe, expect, it } from 'vitest';
import { conditionToFeel, ConditionMappingError } from './java-to-feel.js';

const names = ['test', 'integerVariable', 'amount', 'approved', 'customer'];

describe('conditionToFeel', () => {
  it.each([
    ['test.contains("a")', 'contains(test, "a")'],
    ['!test.contains("a")', 'not(contains(test, "a"))'],
    ['integerVariable<3', 'integerVariable<3'],
    ['true', 'true'],
    ['false', 'false'],
    ['${integerVariable}', 'integerVariable'],
    ['#{amount >= 5000}', 'amount >= 5000'],
    ['${amount > 1000 && !approved}', 'amount > 1000 and not(approved)'],
    ["${customer.segment == 'VIP' || amount * 2 > 10}", 'customer.segment = "VIP" or amount * 2 > 10'],
    ['${customer.name.startsWith("Li")}', 'starts with(customer.name, "Li")'],
    ['amount in [1..5]', 'amount in [1..5]'],
  ])('%s → %s', (java, feel) => {
    expect(conditionToFeel(java, names)).toBe(feel);
  });

  it('refuses what does not map cleanly', () => {
    expect(() => conditionToFeel('${execution.getVariable("x")}', names)).toThrow(ConditionMappingError);
    expect(() => conditionToFeel('amount >', names)).toThrow(ConditionMappingError);
    expect(() => conditionToFeel('${}', names)).toThrow(ConditionMappingError);
  });
});
