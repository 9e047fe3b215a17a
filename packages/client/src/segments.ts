/**
 * Segments: saved list filters of an entity, shared with no one, the owner's team or their
 * branch. A segment is only a filter: running one is a records query, in the reader's own scope
 * and field rules.
 */

import type { RecordQuery } from './types.js';

/** Who sees a segment besides its owner: no one, their reporting line (their managers and everyone under them), or everyone of their branch. */
export type SegmentSharing = 'private' | 'team' | 'branch';

export interface Segment {
  id: string;
  /** The key of the entity whose list it filters. */
  entity: string;
  name: string;
  filter: NonNullable<RecordQuery['filter']>;
  sort: NonNullable<RecordQuery['sort']>;
  sharing: SegmentSharing;
  /** The owner: who may change or delete it. */
  owner: { id: string; name: string };
  /** Whether the reader owns it. */
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A new segment. Its filter and sort are checked as the owner's records query would be. */
export interface SegmentInput {
  entity: string;
  name: string;
  filter: NonNullable<RecordQuery['filter']>;
  sort?: NonNullable<RecordQuery['sort']>;
  sharing: SegmentSharing;
}

/** A change to a segment (its owner only): any of name, filter, sort and sharing. */
export type SegmentChange = Partial<Omit<SegmentInput, 'entity'>>;
