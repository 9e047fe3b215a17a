import type { ValidatorRuntime } from '@bankforge/data-model/browser';
import { describe, expect, it } from 'vitest';
import { loadTypeChecks } from './type-checks.js';

describe('loadTypeChecks', () => {
  it("gives each entity the check its module builds from the browser's validator runtime", async () => {
    const runtimes: ValidatorRuntime[] = [];
    const modules: Record<string, unknown> = {
      '/api/runtime/validators/customer.js?v=2': {
        default: (runtime: ValidatorRuntime) => {
          runtimes.push(runtime);
          return (values: Record<string, unknown>) =>
            values.mobile === '12345' ? [{ path: '/mobile', code: 'format', message: 'Not a mobile number', messageZh: '不是手机号码' }] : [];
        },
      },
      '/api/runtime/validators/contact.js?v=1': { notAValidator: true },
    };
    const checks = await loadTypeChecks(
      { customer: '/api/runtime/validators/customer.js?v=2', contact: '/api/runtime/validators/contact.js?v=1', branch: '/missing.js' },
      async (url) => {
        if (!(url in modules)) throw new Error(`cannot load ${url}`);
        return modules[url];
      },
    );
    expect(Object.keys(checks)).toEqual(['customer']);
    expect(checks.customer!({ mobile: '12345' }).map((e) => e.path)).toEqual(['/mobile']);
    expect(runtimes[0]!.ucs2length('𠮷a')).toBe(2);
  });
});
