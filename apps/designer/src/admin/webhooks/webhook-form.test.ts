import { describe, expect, it } from 'vitest';
import { changeRequest, createRequest, emptyForm, missingFields, toggleType } from './webhook-form.js';

describe('the webhook form', () => {
  it('asks for the key only when creating, and for at least one event type', () => {
    expect(missingFields(emptyForm(), true)).toEqual(['key', 'nameEn', 'nameZh', 'url', 'eventTypes']);
    expect(
      missingFields(
        { ...emptyForm(), nameEn: 'a', nameZh: 'b', url: 'http://x', eventTypes: ['record.updated'] },
        false,
      ),
    ).toEqual([]);
  });

  it('lets a family stand for its members', () => {
    expect(toggleType(['record.created', 'case.started'], 'record.*', true)).toEqual([
      'case.started',
      'record.*',
    ]);
    expect(toggleType(['record.*'], 'record.*', false)).toEqual([]);
  });

  it('sends a trimmed filter, or none', () => {
    const form = {
      ...emptyForm(),
      key: ' feed ',
      nameEn: 'Feed',
      nameZh: '推送',
      url: 'http://x/h',
      eventTypes: ['record.updated' as const],
      filter: '  ',
    };
    expect(createRequest(form)).toEqual({
      key: 'feed',
      name: { en: 'Feed', 'zh-CN': '推送' },
      url: 'http://x/h',
      eventTypes: ['record.updated'],
    });
    expect(changeRequest({ ...form, filter: ' entity = "x" ' }, 3)).toMatchObject({
      filter: 'entity = "x"',
      version: 3,
    });
  });

  it('sends the chosen roles, or none (the careful reader)', () => {
    const form = {
      ...emptyForm(),
      key: 'feed',
      nameEn: 'Feed',
      nameZh: '推送',
      url: 'http://x/h',
      eventTypes: ['record.*' as const],
    };
    expect(createRequest(form)).not.toHaveProperty('roles');
    expect(createRequest({ ...form, roles: ['loan_rm'] }).roles).toEqual(['loan_rm']);
    expect(changeRequest({ ...form, roles: [] }, 2)).not.toHaveProperty('roles');
  });
});
