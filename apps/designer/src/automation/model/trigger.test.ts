// @vitest-environment node
import type { AutomationTrigger } from '@bankforge/flow-engine';
import { AUTOMATION_RECORD_EVENTS } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { switchTrigger, toggled, triggerEntity, withOptional } from './trigger.js';

const onCustomer: AutomationTrigger = { type: 'record', entity: 'customer', on: ['updated'], condition: 'new.aum > 1000000' };

describe('automation trigger', () => {
  it('keeps the entity between record, schedule and inbound triggers, and drops the condition', () => {
    const schedule = switchTrigger(onCustomer, 'schedule');
    expect(schedule).toEqual({ type: 'schedule', every: 'day', at: '09:00', timeZone: 'Asia/Shanghai', entity: 'customer' });
    const inbound = switchTrigger(schedule, 'inbound');
    expect(inbound).toEqual({ type: 'inbound', event: '', entity: 'customer' });
    expect(switchTrigger(inbound, 'record')).toEqual({ type: 'record', entity: 'customer', on: ['updated'] });
  });

  it('starts a case trigger afresh (it has no entity) and leaves a same-type switch alone', () => {
    expect(switchTrigger(onCustomer, 'case')).toEqual({ type: 'case', flow: '', events: ['completed'] });
    expect(switchTrigger(switchTrigger(onCustomer, 'case'), 'schedule')).toEqual({ type: 'schedule', every: 'day', at: '09:00', timeZone: 'Asia/Shanghai' });
    expect(switchTrigger(onCustomer, 'record')).toBe(onCustomer);
    expect(triggerEntity({ type: 'case', flow: 'f', events: [] })).toBeUndefined();
  });

  it('leaves an emptied optional property out', () => {
    expect(withOptional(onCustomer, 'condition', '')).toEqual({ type: 'record', entity: 'customer', on: ['updated'] });
    expect(withOptional({ type: 'inbound', event: 'e' } as AutomationTrigger, 'entity' as never, 'customer' as never)).toEqual({ type: 'inbound', event: 'e', entity: 'customer' });
  });

  it('toggles events in the contract order', () => {
    expect(toggled(['updated'], 'created', true, AUTOMATION_RECORD_EVENTS)).toEqual(['created', 'updated']);
    expect(toggled(['created', 'updated'], 'created', false, AUTOMATION_RECORD_EVENTS)).toEqual(['updated']);
  });
});
