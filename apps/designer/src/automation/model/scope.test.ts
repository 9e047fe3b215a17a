// @vitest-environment node
import type { AutomationAction } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { actionNames, triggerNames, typedValue } from './scope.js';

describe('automation FEEL scopes', () => {
  it('gives each trigger type the names its condition reads', () => {
    expect(triggerNames({ type: 'record', entity: 'customer', on: ['updated'] })).toEqual(['old', 'new', 'changed']);
    expect(triggerNames({ type: 'inbound', event: 'app_view' })).toEqual(['payload']);
    expect(triggerNames({ type: 'inbound', event: 'app_view', entity: 'customer' })).toEqual(['payload', 'record']);
    expect(triggerNames({ type: 'case', flow: 'loan', events: ['approved'] })).toEqual(['case']);
  });

  it('lets an action read the results of earlier actions only', () => {
    const actions: AutomationAction[] = [
      { id: 'a', type: 'evaluateDecision', decision: 'score', inputs: {}, as: 'score' },
      { id: 'b', type: 'condition', when: 'score.tier = "A"' },
      { id: 'c', type: 'createRecord', entity: 'opportunity', values: {}, as: 'opportunity' },
    ];
    expect(actionNames(actions, 0)).toEqual(['record', 'now']);
    expect(actionNames(actions, 2)).toEqual(['record', 'now', 'score']);
  });

  it('types test values as JSON when they read as JSON', () => {
    expect(typedValue('1200000')).toBe(1200000);
    expect(typedValue('["vip"]')).toEqual(['vip']);
    expect(typedValue('Shanghai')).toBe('Shanghai');
  });
});
