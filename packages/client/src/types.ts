/** The shapes the HTTP API answers with (see DESIGN.md, "The HTTP API"). */
import type { RecordFilter } from '@bankforge/data-model';
import type { ProblemFieldError } from './problem.js';
import type { RuntimeLanding } from './runtime.js';
import type { RecordPageDesign } from './record-overview.js';

export type ArtifactKind = 'entity' | 'form' | 'flow' | 'decision' | 'report' | 'dashboard' | 'automation' | 'calendar' | 'app';

export interface ArtifactDocument {
  kind: ArtifactKind;
  key: string;
  title: string;
  version?: number;
  schemaVersion?: number;
  [property: string]: unknown;
}

/** An app: the menu of a generated application, its pages in order. */
export interface AppDocument extends ArtifactDocument {
  kind: 'app';
  /** The app's name in the runtime's navigation; the title stands in when absent. */
  label?: { en: string; 'zh-CN': string };
  /** The app's pages: entity pages (a list and record page of the entity) in menu order. */
  artifacts: { kind: Exclude<ArtifactKind, 'app'>; key: string }[];
  /** Where the app opens for each role, and the menu order it uses; the first entry naming one of a reader's roles applies. */
  landing?: AppLanding[];
  /** What each entity's 360° record page shows (figures, related lists, timeline, graph); defaults when absent. */
  recordPages?: RecordPageDesign[];
}

/** One role's start in an app: an entity page of the app or a runtime page, and the entity pages it uses most (first in the menu, in this order). */
export type AppLanding = RuntimeLanding & {
  role: string;
  menu?: string[];
};

export interface ArtifactSummary {
  kind: ArtifactKind;
  key: string;
  title: string;
  revision: number;
  latestVersion: number | null;
  /** `draft`: never published; `published`: the draft is the latest version; `modified`: unpublished changes. */
  state: 'draft' | 'published' | 'modified';
  updatedAt: string;
  /** The artifact's name in the bank's languages, when its document has one (an entity's, a form's, a flow's `label`); `title` stands in. */
  label?: { en: string; 'zh-CN'?: string };
}

export interface ArtifactDraft<D extends ArtifactDocument = ArtifactDocument> {
  document: D;
  revision: number;
  latestVersion: number | null;
}

export interface ArtifactVersionSummary {
  version: number;
  publishedAt: string;
  /** The publisher's user id (or API key id); null when the server published it (the example, an import at start). */
  publishedBy: string | null;
  /** The publisher as people know them: their display name (an API key's name) and username; null when unknown. */
  publisher: { name: string; username: string } | null;
}

/** A name in the bank's languages; Chinese where the document has it. */
export interface ElementLabel {
  en: string;
  'zh-CN'?: string;
}

/** A named part of an artifact a change is about: an entity's field, a flow's step, a table's rule. */
export interface ChangedElement {
  /** What it is, in the bank's words: `field`, `option`, `section`, `tab`, `step`, `connection`, `variable`, `rule`, `measure`... */
  type: string;
  /** Its id, stable across versions (a field's id, a node's id, a measure's key). */
  id: string;
  /** Its name as analysts read it (in the later version, or the earlier one when it was removed). */
  label?: ElementLabel;
}

/** Where an element sits: inside which element (none: at the top of the document), at which position (1-based). */
export interface ElementPlace {
  within?: ChangedElement;
  position: number;
}

/**
 * One change between two versions, keyed by the elements' ids, never by array positions: an
 * element added or removed (`element`, no `property`; `value`/`from` hold its own properties), one of
 * its properties changed (`property`, `from` → `value`), or moved (`op: 'move'`; `from` and `value`
 * are `ElementPlace`s). Without `element`, the change is to the document's own properties.
 */
export interface DocumentChange {
  op: 'add' | 'remove' | 'replace' | 'move';
  /** A JSON Pointer to what changed: in the later version, or in the earlier one for a removal. */
  path: string;
  element?: ChangedElement;
  /** The element the changed element sits in (a field's section, an option's field, a rule's decision). */
  within?: ChangedElement;
  /** The changed property, dotted from the element (or the document): `required`, `label.zh-CN`, `timeout.duration`. */
  property?: string;
  from?: unknown;
  value?: unknown;
}

/** `GET /api/artifacts/{kind}/{key}/versions/{from}/diff/{to}`. */
export interface VersionDiff {
  from: number;
  to: number;
  changes: DocumentChange[];
}

/** One change to an entity's table, as the server plans it (`op` names it; details vary by op). */
export interface MigrationStep {
  op:
    | 'createTable'
    | 'addColumn'
    | 'renameColumn'
    | 'widenColumn'
    | 'narrowColumn'
    | 'changeType'
    | 'dropColumn'
    | 'addIndex'
    | 'dropIndex'
    | 'addEntityIndex'
    | 'dropEntityIndex';
  [detail: string]: unknown;
}

/** A change that would lose stored values: refused unless the publisher confirms it. */
export interface LossyChange {
  fieldId: string;
  key: string;
  change: 'drop' | 'narrow' | 'retype';
  detail: string;
}

export interface MigrationPlan {
  entity: string;
  fromVersion: number | null;
  toVersion: number;
  steps: MigrationStep[];
  lossy: LossyChange[];
  /** One line per step, for the confirmation dialog. */
  summary: string[];
}

export interface PublishResult {
  kind: ArtifactKind;
  key: string;
  version: number;
  unchanged: boolean;
  migration?: MigrationPlan;
  /** Published, but worth a look: a form's expressions that the evaluation budget will stop (`expressionBudgetRisk`). */
  warnings?: ProblemFieldError[];
}

export interface SignedIn {
  userId: string | null;
  username: string;
  branch: string | null;
  roles: readonly string[];
  /** Manages users, roles and API keys (the designer's Administration). */
  admin: boolean;
  /** May read the audit log and verify its chain (administrators, and roles granted it). */
  auditLog: boolean;
}

/** A records query: the data model's filter language (`RecordFilter`), a sort, a projection and a page. */
export interface RecordQuery {
  filter?: RecordFilter;
  sort?: { field: string; direction?: 'asc' | 'desc' }[];
  fields?: string[];
  limit?: number;
  cursor?: string;
  count?: boolean;
}

export type RecordData = Record<string, unknown> & { id: string; version: number };

/** What revealing a masked value answers: the value in clear, and for how many seconds to show it before masking it again. */
export interface RevealedValue {
  field: string;
  value: unknown;
  revealSeconds: number;
}

/** What a transfer of records to another owner answers. */
export interface RecordTransfer {
  /** The records handed over, at their new versions. */
  transferred: { id: string; version: number }[];
  /** Records the new owner already owned. */
  unchanged: string[];
  /** Records of other entities that went along, counted by entity. */
  related: Record<string, number>;
  to: { id: string; displayName: string };
}

export interface RecordPage {
  items: RecordData[];
  nextCursor: string | null;
  total?: number;
  /** The titles of the records the items refer to, by entity key and id: only those the reader may read. */
  titles?: Record<string, Record<string, string>>;
}
