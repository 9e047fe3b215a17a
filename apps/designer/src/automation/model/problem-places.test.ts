// @vitest-environment node
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemPlace as placeIn, type Say } from '../../shell/problem-places/problem-places.js';
import { shellMessages } from '../../shell/locales.js';
import { automationDesignerMessages } from '../locales.js';
import { AUTOMATION_READING } from './problem-places.js';

let en: Say;
let zh: Say;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    ns: ['automationDesigner', 'shell'],
    defaultNS: 'automationDesigner',
    interpolation: { escapeValue: false },
    resources: {
      en: { automationDesigner: automationDesignerMessages.en, shell: shellMessages.en },
      'zh-CN': { automationDesigner: automationDesignerMessages['zh-CN'], shell: shellMessages['zh-CN'] },
    },
  });
  en = i18n.getFixedT('en', 'automationDesigner') as Say;
  zh = i18n.getFixedT('zh-CN', 'automationDesigner') as Say;
});

const problemPlace = (pointer: string, say: Say) => placeIn(pointer, {}, AUTOMATION_READING, say, 'en');

describe('an automation’s problem places', () => {
  it('says an action’s property, its language too, counting actions from 1', () => {
    expect(problemPlace('/actions/0/message/en', en)).toBe('Action 1 › Message (English)');
    expect(problemPlace('/actions/0/message/en', zh)).toBe('动作 1 › 消息（英文）');
    expect(problemPlace('/actions/2', en)).toBe('Action 3');
    expect(problemPlace('/actions/1/values/segment', en)).toBe('Action 2 › Values › segment');
    expect(problemPlace('/actions/0/target/where/1/value', en)).toBe('Action 1 › Record to update › Condition');
  });

  it('says the trigger’s property, a part and a list item', () => {
    expect(problemPlace('/trigger/condition', en)).toBe('Trigger › Condition');
    expect(problemPlace('/trigger/match/value', zh)).toBe('触发条件 › 查找方式 › 值');
    expect(problemPlace('/trigger/on/1', en)).toBe('Trigger › Events 2');
    expect(problemPlace('/trigger', en)).toBe('Trigger');
  });

  it('says the name in a language; a property it does not name stays as written', () => {
    expect(problemPlace('/label/zh-CN', en)).toBe('Name (Chinese)');
    expect(problemPlace('/label/zh-CN', zh)).toBe('名称（中文）');
    expect(problemPlace('/actions/0/retries', en)).toBe('Action 1 › retries');
  });

  it('has no words for the whole automation or a pointer outside it', () => {
    expect(problemPlace('', en)).toBeUndefined();
    expect(problemPlace('/', en)).toBeUndefined();
    expect(problemPlace('/schemaVersion', en)).toBeUndefined();
  });
});
