/**
 * Moving running cases to a new version of their flow, all at once, as its publisher decides: what
 * publishing would do to them (the preview), then the move of those that can. Cases otherwise stay
 * on the version they started with.
 */
import type { CaseText } from './flows.js';

/**
 * Why a running case cannot move, as the flow engine says it (`removedStep`, `stepTypeChanged`,
 * `approvalModeChanged`, `subflowChanged`, `joinPathRemoved`, `unknownStep`, `otherFlow`, `ended`,
 * `otherVersion`, `sameVersion`), the step concerned and a sentence in both languages.
 */
export interface CaseMigrationReason {
  code: string;
  nodeId?: string;
  /** The step's name in the case's own version. */
  nodeName?: CaseText;
  text: CaseText;
}

/** A running case that stays on its version; its record's title only when the reader may see the case. */
export interface UnmovableCase {
  id: string;
  fromVersion: number;
  recordTitle?: string;
  reasons: CaseMigrationReason[];
}

/** `POST /api/flows/{key}/migration-preview` body: the published version to move to; absent, the draft as publishing it would number it. */
export interface CaseMigrationPreviewRequest {
  toVersion?: number;
}

/** What moving the running cases on earlier versions to `toVersion` would do (needs the flow publish grant). */
export interface CaseMigrationPreview {
  flowKey: string;
  toVersion: number;
  /** True when `toVersion` is the draft, not published yet. */
  draft: boolean;
  /** Running cases on earlier versions. */
  running: number;
  /** How many of them can move. */
  movable: number;
  /** The running ones by the version they are on, oldest first. */
  byVersion: { version: number; running: number; movable: number }[];
  /** The cases that cannot move, with why: the first 50 (`running - movable` counts them all). */
  unmovable: UnmovableCase[];
}

/** `POST /api/flows/{key}/migrations` body: the published version to move every movable running case to. */
export interface MigrateCasesRequest {
  toVersion: number;
}

/** What the move did: each case moved through the per-case migration (audited), the others left on their version. */
export interface MigrateCasesResult {
  flowKey: string;
  toVersion: number;
  /** The ids of the cases moved. */
  moved: string[];
  /** How many stayed on their version. */
  notMoved: number;
  /** Those that stayed, with why: the first 50. */
  unmovable: UnmovableCase[];
}
