import type { RecordFilter } from '@bankforge/data-model';
import type { TargetLookup } from '@bankforge/flow-engine';
import type { RecordsService } from '../records/records.service.js';
import { automationActor, evaluateFeel } from './automation-scope.js';

/** Records one update found by its conditions writes at most: a lookup links a few records, it is not a bulk update. */
export const LOOKUP_LIMIT = 100;

/**
 * The live records an update's conditions find, as the automation reads them (every record), most
 * recently created first, at most LOOKUP_LIMIT. A condition whose value is null compares with an
 * empty field (`eq` null: the field is empty; `ne` null: it is not).
 */
export async function lookupTargets(records: RecordsService, target: TargetLookup, scope: Record<string, unknown>, automation: string): Promise<string[]> {
  const conditions: RecordFilter[] = target.where.map(({ field, op, value }) => {
    const wanted = evaluateFeel(value, scope);
    return wanted === null ? { field, op: 'isNull', value: op === 'eq' } : { field, op, value: wanted };
  });
  const page = await records.query(target.entity, { filter: { and: conditions }, sort: [{ field: 'created_at', direction: 'desc' }], fields: ['id'], limit: LOOKUP_LIMIT }, automationActor(automation));
  return page.items.map((item) => item.id);
}
