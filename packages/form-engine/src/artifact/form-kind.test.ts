import { describe, expect, it } from 'vitest';
import type { ArtifactProblem } from '@bankforge/rule-engine';
import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '../form/form-definition.js';
import { FORM_SCHEMA_VERSION } from '../form/form-definition.js';
import { entityOf, field } from '@bankforge/data-model/testing';
import { entityKind } from '@bankforge/data-model';
import { formKind, type FormCheckContext } from './form-kind.js';

const customer = entityOf(field('name', 'text'));

function form(...fields: string[]): FormDefinition {
  return {
    kind: 'form',
    key: 'onboarding',
    title: 'Onboarding',
    schemaVersion: FORM_SCHEMA_VERSION,
    entity: 'customer',
    label: { en: 'Onboarding', 'zh-CN': '开户' },
    layout: fields.map((key) => ({ id: `n_${key}`, type: 'field', field: key })),
  } as FormDefinition;
}

function host(
  stage: 'save' | 'publish',
  entities: EntityDefinition[],
): FormCheckContext & { warnings: ArtifactProblem[] } {
  const warnings: ArtifactProblem[] = [];
  return {
    stage,
    warnings,
    warn: (p) => warnings.push(p),
    entity: (key) => Promise.resolve(entities.find((e) => e.key === key)),
  };
}

describe('the form kind', () => {
  it('leaves a draft form to be drawn for a draft entity', async () => {
    expect(await formKind.check(form('nickname'), host('save', []))).toEqual([]);
  });

  it('compiles the form against the published entities on publish', async () => {
    expect((await formKind.check(form('name'), host('publish', []))).map((p) => [p.path, p.code])).toEqual([
      ['/entity', 'entityNotPublished'],
    ]);
    expect(await formKind.check(form('name'), host('publish', [customer]))).toEqual([]);
    expect((await formKind.check(form('nickname'), host('publish', [customer]))).length).toBeGreaterThan(0);
  });

  it('answers a document from a newer release as a problem, and other documents unchanged', () => {
    expect(formKind.upgrade({ ...form(), schemaVersion: FORM_SCHEMA_VERSION + 1 })).toMatchObject({
      problems: [{ path: '/schemaVersion', code: 'schemaVersionTooNew' }],
    });
    expect(formKind.upgrade('not a form')).toEqual({ document: 'not a form' });
  });
});

describe('the entity kind', () => {
  it("is the form engine's entity validation", async () => {
    expect(await entityKind.check(customer, host('save', []))).toEqual([]);
    expect(
      (await entityKind.check(entityOf(field('name', 'text'), field('name', 'text')), host('save', [])))
        .length,
    ).toBeGreaterThan(0);
  });
});
