import { describe, expect, it } from 'vitest';
import type { ReportDefinition } from './report-definition.js';
import { CATALOG } from '../test-support/entities.js';
import { reportKind, type ReportCheckContext } from './report-kind.js';

const report: ReportDefinition = {
  kind: 'report',
  key: 'r',
  title: 'R',
  source: 'loan',
  dimensions: [{ key: 'x', field: 'colour' }],
  measures: [{ key: 'n', agg: 'count' }],
};

function host(stage: 'save' | 'publish'): ReportCheckContext & { asked: string[] } {
  const asked: string[] = [];
  return {
    stage,
    asked,
    warn: () => undefined,
    entity: (key) => {
      asked.push(key);
      return Promise.resolve(CATALOG.get(key));
    },
  };
}

describe('the report kind', () => {
  it('leaves a draft to read what its entities are still gaining', async () => {
    const save = host('save');
    expect(await reportKind.check(report, save)).toEqual([]);
    expect(save.asked).toEqual([]);
  });

  it('checks a report against the published entities on publish', async () => {
    const publish = host('publish');
    expect((await reportKind.check(report, publish)).map((p) => [p.path, p.code])).toEqual([
      ['/dimensions/0/field', 'unknownField'],
    ]);
    expect(publish.asked).toEqual(['loan']);
    expect(await reportKind.check({ ...report, dimensions: [] }, host('publish'))).toEqual([]);
  });
});
