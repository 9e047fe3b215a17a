import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { calendarArtifactSchema } from './calendar-schema.js';
import { shanghaiBranch } from './sample-calendars.js';

const validate = new Ajv({ allErrors: true, strict: true }).compile(calendarArtifactSchema);

function errorsOf(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
}

/** The sample with some properties replaced. */
const sampleWith = (changes: Record<string, unknown>) => ({ ...shanghaiBranch(), ...changes });

describe('calendarArtifactSchema', () => {
  it('is a draft-07 schema that compiles in strict mode, and JSON', () => {
    expect(calendarArtifactSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(JSON.parse(JSON.stringify(calendarArtifactSchema))).toEqual(calendarArtifactSchema);
  });

  it('accepts the sample, and one without the defaulted properties', () => {
    expect(errorsOf(shanghaiBranch())).toEqual([]);
    const { timeZone: _zone, workingWeekdays: _weekdays, ...minimal } = shanghaiBranch();
    expect(errorsOf(minimal)).toEqual([]);
  });

  it('requires the envelope', () => {
    expect(errorsOf({})).toContain(' required');
    expect(errorsOf(sampleWith({ kind: 'flow' }))).toContain('/kind const');
    expect(errorsOf(sampleWith({ schemaVersion: 2 }))).toContain('/schemaVersion const');
    expect(errorsOf(sampleWith({ key: 'cn-mainland' }))).toContain('/key pattern'); // the server's keys are snake case
    expect(errorsOf(sampleWith({ name: { en: 'China' } }))).toContain('/name required');
    expect(errorsOf(sampleWith({ holidays: [] }))).toContain(' additionalProperties');
  });

  it('checks weekdays and working hours', () => {
    expect(errorsOf(sampleWith({ workingWeekdays: [1, 8] }))).toContain('/workingWeekdays/1 maximum');
    expect(errorsOf(sampleWith({ workingWeekdays: [1, 1] }))).toContain('/workingWeekdays uniqueItems');
    expect(errorsOf(sampleWith({ workingWeekdays: [] }))).toContain('/workingWeekdays minItems');
    expect(errorsOf(sampleWith({ workingHours: [] }))).toContain('/workingHours minItems');
    expect(errorsOf(sampleWith({ workingHours: [{ start: '9:00', end: '24:00' }] }))).toEqual([
      '/workingHours/0/start pattern',
    ]);
    expect(errorsOf(sampleWith({ workingHours: [{ start: '09:00', end: '24:30' }] }))).toEqual([
      '/workingHours/0/end pattern',
    ]);
  });

  it('checks years and their days', () => {
    expect(errorsOf(sampleWith({ years: { '26': {} } }))).toEqual(
      expect.arrayContaining(['/years propertyNames']),
    );
    expect(errorsOf(sampleWith({ years: { '2026': { holidays: [{ date: '2026-2-1' }] } } }))).toEqual([
      '/years/2026/holidays/0/date pattern',
    ]);
    expect(errorsOf(sampleWith({ years: { '2026': { offDays: [] } } }))).toEqual([
      '/years/2026 additionalProperties',
    ]);
    // The shape only: whether 2026-02-30 is a date is the check's to say.
    expect(errorsOf(sampleWith({ years: { '2026': { holidays: [{ date: '2026-02-30' }] } } }))).toEqual([]);
  });
});
