/**
 * The 360° record page: what an app artifact says each entity's record page shows (`recordPages`),
 * and what `GET /api/records/{entity}/{id}/overview` answers, in one round trip, under the reader's
 * data scope, field rules and masking.
 */
import type { FieldDefinition, FieldType, LocalizedText, OptionColor } from '@bankforge/data-model';
import type { CaseStatus, CaseText } from './flows.js';

// ---------------------------------------------------------------------------------------------
// In the app artifact: the design of a record page.
// ---------------------------------------------------------------------------------------------

/** The records of another entity that refer to this one through a reference field (`via`). */
export interface RelatedRecordsRef {
  entity: string;
  /** The reference field of `entity` that points at the page's entity. */
  via: string;
}

/**
 * A key figure of the header: a field of the record itself (AUM, risk level), or a count or sum over
 * the related records the reader may read (total loans = the sum of their loans' amounts).
 */
export type RecordFigureDesign =
  | { key: string; label?: LocalizedText; field: string }
  | { key: string; label: LocalizedText; count: RelatedRecordsRef }
  | { key: string; label: LocalizedText; sum: RelatedRecordsRef & { field: string } };

/** A related list: the first rows of the related records, their count, "View all" and "Add related". */
export interface RelatedListDesign extends RelatedRecordsRef {
  /** The list's heading; the related entity's plural label when absent. */
  label?: LocalizedText;
  /** The fields shown beside each row's title (at most 4); the first fields of the entity when absent. */
  columns?: string[];
  /** How many rows the page shows (1 to 20, 5 when absent). */
  rows?: number;
}

/** Records that are events of the record's life (interactions, visits): the timeline shows them. */
export interface ActivityDesign extends RelatedRecordsRef {
  /** The date-time field the activity happened at. */
  at: string;
  /** A text field saying what happened. */
  summary?: string;
  /** A single-select field shown as the entry's kind (the channel). */
  kind?: string;
  /** Further fields shown with the entry (a follow-up date), at most 4. */
  fields?: string[];
}

/** Records relating two records of the page's entity (family, company, guarantor): the graph. */
export interface RelationshipGraphDesign {
  entity: string;
  /** Both reference the page's entity. */
  from: string;
  to: string;
  /** A single-select field naming the kind of relation. */
  kind?: string;
  /** A text field with a note on the relation. */
  note?: string;
}

/** What one entity's record page shows; an app's `recordPages` has at most one per entity. */
export interface RecordPageDesign {
  entity: string;
  figures?: RecordFigureDesign[];
  /** A multi-select field of the record shown as chips (the customer's tags). */
  tags?: string;
  /** Which relations the page lists, in order; every reference to the entity from the app's entities when absent. */
  related?: RelatedListDesign[];
  activities?: ActivityDesign[];
  graph?: RelationshipGraphDesign;
}

// ---------------------------------------------------------------------------------------------
// The answer of GET /api/records/{entity}/{id}/overview.
// ---------------------------------------------------------------------------------------------

/** A select option's value as stored and as shown (its palette colour, for tags). */
export interface OptionValue {
  value: string;
  label: LocalizedText;
  color?: OptionColor;
}

/** A key figure as the reader may see it; a figure over a field they may not see is left out. */
export interface OverviewFigure {
  key: string;
  label: LocalizedText;
  /**
   * `field`: a field's value as the records API answers it (masked text when `masked`); `count`: a
   * number; `sum`: the total per currency for money (`MoneyValue[]`), else a decimal text.
   */
  kind: 'field' | 'count' | 'sum';
  type: FieldType | 'count';
  value: unknown;
  /** The label of a select option's value. */
  option?: OptionValue;
  masked?: true;
}

export interface OverviewHeader {
  title: string;
  figures: OverviewFigure[];
  /** The tags field's label and the record's tags, labelled; absent when none is designed or the reader may not see it. */
  tags?: { field: string; label: LocalizedText; values: OptionValue[] };
}

/** A related record in a list: its title and the list's columns, presented for the reader. */
export interface RelatedRow {
  id: string;
  title: string;
  values: Record<string, unknown>;
}

export interface RelatedListOverview {
  entity: string;
  via: string;
  label: LocalizedText;
  /** The related entity's singular name (for "Add a loan application"). */
  entityLabel: LocalizedText;
  /** How many related records the reader may read. */
  total: number;
  rows: RelatedRow[];
  /** The columns' fields as defined (labels, types, options), the ones the reader may see. */
  columns: FieldDefinition[];
  /** Whether the reader may create such a record on this one. */
  canCreate: boolean;
}

/** Who did something, by username and display name. */
export interface TimelinePerson {
  username: string;
  displayName: string;
}

/** A change of a field in a record's change entry: values as the audit log kept them, under the reader's field rules. */
export interface TimelineFieldChange {
  field: string;
  label: LocalizedText;
  type: FieldType;
  before: unknown;
  after: unknown;
  /** Shown masked (the log keeps sensitive values masked; the reader's rules may mask more). */
  masked?: true;
  /** A reference field's entity: its values are ids, shown by the page's `titles`. */
  refersTo?: string;
}

export type TimelineEntry =
  | {
      kind: 'activity';
      at: string;
      entity: string;
      entityLabel: LocalizedText;
      id: string;
      title: string;
      summary?: string;
      activityKind?: OptionValue;
      /** The further fields of the activity: label, type and value as the reader sees them. */
      details: { field: string; label: LocalizedText; type: FieldType; value: unknown }[];
      by?: TimelinePerson;
    }
  | {
      kind: 'change';
      at: string;
      seq: number;
      entity: string;
      entityLabel: LocalizedText;
      recordId: string;
      recordTitle?: string;
      action: 'create' | 'update' | 'delete' | 'restore';
      by: TimelinePerson;
      changes: TimelineFieldChange[];
    }
  | {
      kind: 'case';
      at: string;
      caseId: string;
      flowName: CaseText;
      status: CaseStatus;
      outcome?: string;
      entity: string;
      recordId: string;
      recordTitle?: string;
      endedAt?: string;
      by: TimelinePerson;
    };

/** The newest entries first; `more` when older ones exist (ask again with a larger limit). */
export interface TimelinePage {
  entries: TimelineEntry[];
  more: boolean;
  /** The titles of the records the changes refer to, by entity and id: only those the reader may read. */
  titles: Record<string, Record<string, string>>;
}

/** A record in the relationship graph: named when the reader may read it, else only said to be there. */
export interface GraphNode {
  /** The record's id, or an opaque id for one the reader may not see. */
  id: string;
  visible: boolean;
  title?: string;
  center?: true;
}

export interface GraphEdge {
  /** The relationship record's id. */
  id: string;
  from: string;
  to: string;
  kind?: OptionValue;
  note?: string;
}

export interface RelationshipGraph {
  entity: string;
  label: LocalizedText;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Whether the reader may add a relationship. */
  canCreate: boolean;
  /** The relationship entity's reference fields: "Add related party" prefills `from`. */
  from: string;
  to: string;
}

export interface RecordOverview {
  entity: string;
  id: string;
  header: OverviewHeader;
  related: RelatedListOverview[];
  /** The activity entities the page logs ("Log an interaction"), with whether the reader may create them. */
  activities: (RelatedRecordsRef & { label: LocalizedText; canCreate: boolean })[];
  timeline: TimelinePage;
  graph?: RelationshipGraph;
}
