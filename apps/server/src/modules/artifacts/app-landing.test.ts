import { describe, expect, it } from 'vitest';
import type { AppLanding } from '@bankforge/client';
import { landingProblems } from './app-landing.js';
import type { AppArtifact } from './artifact-kinds.js';

const app = (landing: unknown[]): AppArtifact => ({
  kind: 'app',
  key: 'crm',
  title: 'CRM',
  artifacts: [
    { kind: 'entity', key: 'customer' },
    { kind: 'entity', key: 'branch' },
    { kind: 'report', key: 'aum' },
  ],
  landing: landing as AppLanding[],
});

describe("an app's landing per role", () => {
  it('takes an entity page of the app or a runtime page, and a menu of its entity pages', () => {
    expect(landingProblems(app([{ role: 'rm', entity: 'customer', menu: ['customer', 'branch'] }, { role: 'cco', page: 'audit' }]))).toEqual([]);
    expect(landingProblems(app([]))).toEqual([]);
  });

  it('refuses both or neither target, pages the app lacks, and a role named twice, in both languages', () => {
    const problems = landingProblems(
      app([
        { role: 'rm', entity: 'customer', page: 'inbox' },
        { role: 'cco' },
        { role: 'officer', entity: 'aum', menu: ['loan'] },
        { role: 'rm', page: 'inbox' },
      ]),
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/landing/0', 'landingTarget'],
      ['/landing/1', 'landingTarget'],
      ['/landing/2/entity', 'landingNotInApp'],
      ['/landing/2/menu/0', 'landingNotInApp'],
      ['/landing/3/role', 'duplicate'],
    ]);
    expect(problems.every((p) => p.messageZh)).toBe(true);
  });
});
