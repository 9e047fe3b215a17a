/** The shapes the HTTP API answers with (see DESIGN.md, "The HTTP API"). */
import type { RecordFilter } from '@bankforge/data-model';
import type { ProblemFieldError } from './problem.js';

export type ArtifactKind = 'entity' | 'form' | 'flow' | 'decision' | 'report' | 'calendar' | 'app';

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
}

export interface ArtifactSummary {
  kind: ArtifactKind;
  key: string;
  title: string;
  revision: number;
  latestVersion: number | null;
  /** `draft`: never published; `published`: the draft is the latest version; `modified`: unpublished changes. */
  state: 'draft' | 'published' | 'modified';
  updatedAt: string;
}

export interface ArtifactDraft<D extends ArtifactDocument = ArtifactDocument> {
  document: D;
  revision: number;
  latestVersion: number | null;
}

export interface ArtifactVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

export interface DocumentChange {
  op: 'add' | 'remove' | 'replace';
  path: string;
  from?: unknown;
  value?: unknown;
}

/** One change to an entity's table, as the server plans it (`op` names it; details vary by op). */
export interface MigrationStep {
  op: 'createTable' | 'addColumn' | 'renameColumn' | 'widenColumn' | 'narrowColumn' | 'changeType' | 'dropColumn' | 'addIndex' | 'dropIndex';
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
  admin: boolean;
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

export interface RecordPage {
  items: RecordData[];
  nextCursor: string | null;
  total?: number;
}
