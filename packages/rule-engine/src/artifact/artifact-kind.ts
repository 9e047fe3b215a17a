/**
 * The contract between an engine and a host (the server, an import tool) for one kind of artifact
 * document. Each engine exports a definition per kind it owns; the host registers them and
 * special-cases none. It lives here because every engine depends on the rule engine already: the
 * contract is types only, and no engine gains a dependency for it.
 */

/** One thing wrong with a document: where (a JSON Pointer), what (a stable code) and why. */
export interface ArtifactProblem {
  path: string;
  code: string;
  message: string;
  /** The same message in Simplified Chinese, where the engine has one. */
  messageZh?: string;
}

/**
 * What a check may ask the host. A draft is checked on save: what it references may not be
 * published yet, so references are only resolved (and their absence refused) on publish. Engines
 * extend this with the lookups they need (`entity(key)`, `decision(key)`, ...), each answering the
 * latest published document or undefined; a host's context offers all of them.
 */
export interface ArtifactCheckContext {
  readonly stage: 'save' | 'publish';
  /** Published, but worth a look (an expression the evaluation budget will stop): told, not refused. */
  warn(problem: ArtifactProblem): void;
}

/** A document brought up to its kind's current format, or why it cannot be read. */
export type ArtifactUpgrade =
  { document: unknown; problems?: undefined } | { problems: readonly ArtifactProblem[] };

/** A name in the bank's languages; Chinese where the document has it. */
export interface ElementLabel {
  en: string;
  'zh-CN'?: string;
}

/**
 * A named part of a document that two versions are compared by: an entity's field, a form's
 * section, a flow's step or connection, a table's rule. Matched across versions by `type` and `id`,
 * never by position, so that inserting one field does not make every field after it look changed.
 */
export interface ArtifactElement {
  /** What it is, in the bank's words (the designer translates it): `field`, `step`, `connection`, `rule`... */
  type: string;
  /** Stable across versions and unique among the document's elements of its type (a field's id, a node's id). */
  id: string;
  /** Where it is in the document (a JSON Pointer). */
  path: string;
  /** Its name as analysts read it. */
  label?: ElementLabel;
  /** Its properties that are drawing only (a step's place on the canvas): not compared. */
  layout?: readonly string[];
  /** True when its order among its siblings means nothing (a flow's steps): a reorder is no change. */
  unordered?: boolean;
}

/**
 * An artifact kind as its engine owns it. The host validates `schema` first and runs `check` only on
 * documents that match it; `check` is pure apart from what it asks `context`.
 */
export interface ArtifactKindDefinition<
  Document = unknown,
  Context extends ArtifactCheckContext = ArtifactCheckContext,
> {
  readonly kind: string;
  /** JSON Schema (draft-07) of the whole document, envelope included. */
  readonly schema: object;
  /** Brings a document of an earlier format up to the current one; documents of another kind are answered unchanged. */
  upgrade(document: unknown): ArtifactUpgrade;
  /** Every problem of a document that matches `schema`: the engine's own rules and, on publish, its references. */
  check(document: Document, context: Context): Promise<readonly ArtifactProblem[]>;
  /** The document's elements, for comparing versions by id; absent: the document is compared as a whole. */
  elements?(document: Document): readonly ArtifactElement[];
}

/** The upgrade of a kind whose documents have had one format so far. */
export function unchangedDocument(document: unknown): ArtifactUpgrade {
  return { document };
}
