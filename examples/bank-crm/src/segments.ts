import type { RecordFilter } from '@bankforge/data-model';

/**
 * A saved segment the example ships: a list filter a person saved and shared, which a schedule may
 * name as its audience. Its id is fixed so that the example's automations name it; its owner is a
 * demo person (by username), and it is shared with the owner's branch (an automation may not name a
 * private one).
 */
export interface ExampleSegment {
  id: string;
  entity: string;
  name: string;
  owner: string;
  sharing: 'team' | 'branch';
  filter: RecordFilter;
}

/**
 * The wealth campaign's audience (客群): affluent and private-banking individuals with a risk
 * assessment, saved by the head office's analyst and shared with head office.
 */
export const wealthCampaignSegment: ExampleSegment = {
  id: '0193a1f0-5c00-7000-8000-00000000a001',
  entity: 'customer',
  name: 'Affluent and private individuals, risk assessed',
  owner: 'huang_lei',
  sharing: 'branch',
  filter: {
    and: [
      { field: 'customer_type', op: 'eq', value: 'individual' },
      { field: 'segment', op: 'in', value: ['affluent', 'private'] },
      { field: 'risk_level', op: 'isNull', value: false },
    ],
  },
};

/** Saved before the automations that name them are published. */
export const bankCrmSegments: ExampleSegment[] = [wealthCampaignSegment];
