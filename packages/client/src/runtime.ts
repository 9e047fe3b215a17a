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

/** A published app with the entity pages the signed-in user may read. */
export interface RuntimeApp {
  key: string;
  label: LocalizedText;
  menu: RuntimeMenuItem[];
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
