import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_LIMITS, readReportLimits } from './report-limits.js';

describe('report limits', () => {
  it('reads the environment, with defaults', () => {
    expect(readReportLimits({})).toEqual(DEFAULT_REPORT_LIMITS);
    expect(
      readReportLimits({
        BANKFORGE_REPORT_TIMEOUT_MS: '500',
        BANKFORGE_REPORT_ROW_LIMIT: '20',
        BANKFORGE_REPORT_EXPORT_ROW_LIMIT: '100',
        BANKFORGE_REPORT_EXPORT_TIMEOUT_MS: '9000',
      }),
    ).toEqual({
      queryTimeoutMs: 500,
      rowLimit: 20,
      exportRowLimit: 100,
      exportTimeoutMs: 9000,
    });
  });

  it('refuses values that are not positive integers', () => {
    expect(() => readReportLimits({ BANKFORGE_REPORT_ROW_LIMIT: '0' })).toThrow(/BANKFORGE_REPORT_ROW_LIMIT/);
    expect(() => readReportLimits({ BANKFORGE_REPORT_TIMEOUT_MS: 'soon' })).toThrow(
      /BANKFORGE_REPORT_TIMEOUT_MS/,
    );
  });
});
