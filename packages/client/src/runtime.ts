import type { EntityDefinition, LocalizedText } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine';

/** How a role's field rule restricts one field for a reader: not sent, sent masked, or not writable. */
export type FieldAccess = 'hidden' | 'readonly' | 'masked';

/** A reader's restricted fields of one entity, by field key; fields they see in clear and may write are absent. */
export type ReaderFieldAccess = Readonly<Record<string, FieldAccess>>;

/** One entity page of an app's menu, as `GET /api/runtime/apps` lists it. */
export interface RuntimeMenuItem {
  entity: string;
  label: LocalizedText;
  pluralLabel: LocalizedText;
}

/** The runtime's own pages an app may open on (they belong to no app). */
export type RuntimeOwnPage = 'inbox' | 'cases' | 'audit';

/** Where the runtime opens an app for a reader: one of its entity pages, or one of the runtime's own pages. */
export type RuntimeLanding = { entity: string } | { page: RuntimeOwnPage };

/** A published app with the entity pages the signed-in user may read. */
export interface RuntimeApp {
  key: string;
  label: LocalizedText;
  /** In the order the reader's role uses them (the app's landing entry for the role), the rest in the app's order. */
  menu: RuntimeMenuItem[];
  /** Where the app opens for this reader (after sign-in and at `/`); absent: its first menu page. */
  landing?: RuntimeLanding;
}

/** What the reader may do with an entity's records, from the same grants the server enforces (in some scope; the server still checks each record). */
export interface RuntimeEntityActions {
  create: boolean;
  update: boolean;
  delete: boolean;
  export: boolean;
  /** Hand records over to another owner. */
  transfer: boolean;
  /** Bulk-import files of records (the import page); absent when not granted. */
  import?: boolean;
}

/** What `GET /api/runtime/entities/{entity}` answers: everything an entity's pages need to draw and check records. */
export interface RuntimeEntityPage {
  /** The latest published version of the entity. */
  entity: EntityDefinition;
  /** The entity's default form; null when none is published (the page generates one). */
  form: FormDefinition | null;
  /** The entities of the form's repeating groups, by key. */
  related: Record<string, EntityDefinition>;
  /** Per entity key, the URL of its record validator: a same-origin ES module (no eval). */
  validators: Record<string, string>;
  /** How the reader's roles restrict the entity's fields; an older server may send none, which restricts nothing here (the server still enforces its rules). */
  fieldAccess?: ReaderFieldAccess;
  /** The same for each related entity, by entity key. */
  relatedFieldAccess?: Readonly<Record<string, ReaderFieldAccess>>;
  /** Published approval flows bound to this entity: the fields each owns (read-only in every form) and whether the reader may start it. */
  flows?: RuntimeEntityFlow[];
  /** What the reader may do with the entity's records; an older server sends none, which offers everything (the server still refuses). */
  actions?: RuntimeEntityActions;
  /** The masked fields the reader's roles let them reveal on a record, one at a time and with a reason (audited). */
  revealable?: string[];
}

/** An approval flow bound to an entity, as the runtime's record page offers it ("Submit for approval"). */
export interface RuntimeEntityFlow {
  key: string;
  name: LocalizedText;
  /** Fields only the flow writes (a loan's status, approved amount): nobody edits them through forms. */
  controlledFields: string[];
  /** The reader holds the grant to start it on records they may update. */
  canStart: boolean;
}
