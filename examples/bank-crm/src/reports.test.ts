import { describe, expect, it } from 'vitest';
import { compileReport, validateReport } from '@bankforge/report-engine';
import { bankCrmApp } from './app.js';
import { bankCrmEntities } from './entities/index.js';
import { bankCrmReports, loanPipelineReport } from './reports.js';

const catalog = new Map(bankCrmEntities.map((e) => [e.key, e]));

describe('the example reports', () => {
  it('fit the bank CRM entities and are listed by the app', () => {
    for (const report of bankCrmReports) {
      expect(validateReport(report, catalog), report.key).toEqual([]);
      expect(bankCrmApp.artifacts).toContainEqual({ kind: 'report', key: report.key });
    }
  });

  it('compile the loan pipeline to one aggregating query per drill level', () => {
    const top = compileReport(loanPipelineReport, catalog, { dialect: 'mysql', now: new Date('2026-11-23T00:00:00Z') });
    expect(top.sql).toMatch(/GROUP BY/);
    expect(top.columns.map((c) => c.key)).toEqual(['status', 'applications', 'volume']);
    const drilled = compileReport(loanPipelineReport, catalog, { dialect: 'sqlite', now: new Date('2026-11-23T00:00:00Z'), drill: [{ status: 'approved' }] });
    expect(drilled.columns.map((c) => c.key)).toEqual(['segment', 'applications', 'volume']);
    expect(drilled.params).toContain('approved');
  });
});
