// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { AUTOMATION_STEP_CODES } from '@bankforge/client';
import { AUTOMATION_ACTION_TYPES, AUTOMATION_CASE_EVENTS, AUTOMATION_RECORD_EVENTS, SCHEDULE_EVERY } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { automationDesignerMessages } from './locales.js';

describe('automation designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(automationDesignerMessages)).toEqual([]);
  });

  it('names every action type, trigger event and schedule of the contract', () => {
    for (const messages of [automationDesignerMessages.en, automationDesignerMessages['zh-CN']]) {
      for (const type of AUTOMATION_ACTION_TYPES) expect(messages.actions.types[type]).toBeTruthy();
      for (const event of AUTOMATION_RECORD_EVENTS) expect(messages.trigger.recordEvents[event]).toBeTruthy();
      for (const event of AUTOMATION_CASE_EVENTS) expect(messages.trigger.caseEvents[event]).toBeTruthy();
      for (const every of SCHEDULE_EVERY) expect(messages.trigger.everyNames[every]).toBeTruthy();
      for (const code of AUTOMATION_STEP_CODES) expect(messages.steps[code]).toBeTruthy();
    }
  });

  it('words the refusals the server commonly sends a run’s write, in both languages', () => {
    const common = ['validationFailed', 'invalid', 'required', 'referenceNotFound', 'fieldControlledByFlow', 'fieldNotWritable', 'conflict', 'versionConflict', 'staleVersion', 'forbidden', 'notFound', 'recordNotFound', 'outOfScope'] as const;
    for (const messages of [automationDesignerMessages.en, automationDesignerMessages['zh-CN']]) {
      for (const code of common) expect(messages.refusals[code]).toBeTruthy();
    }
  });
});
