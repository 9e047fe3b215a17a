/** The compiled form's private half: placed fields, compiled rules in dependency order. */
import type { CompiledExpression } from '@bankforge/rule-engine';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import type { FormFieldNode, FormRepeatingGroup, FormValidation } from '../form-definition.js';
import type { CompiledForm } from '../form-model-api.js';

/** An entity field placed on the form (or as a column of a repeating group). */
export interface PlacedField {
  readonly key: string;
  readonly field: FieldDefinition;
  readonly node: FormFieldNode;
  /** The ids of the nodes whose `visibleWhen` gates this field, outermost first, the field's own last. */
  readonly gates: readonly string[];
  /** The value a new record starts with: the node's default, else the entity field's. */
  readonly initial: unknown;
}

export type RuleTarget =
  | { readonly kind: 'visible'; readonly node: string }
  | { readonly kind: 'required' | 'readonly' | 'value'; readonly field: string }
  | { readonly kind: 'validation'; readonly validation: FormValidation };

/** One FEEL expression of the form, compiled once. */
export interface Rule {
  /** Position in its scope's evaluation order (a computed value comes after what it reads). */
  readonly index: number;
  readonly target: RuleTarget;
  readonly expression: CompiledExpression;
  /** Where the expression sits in the form document. */
  readonly documentPath: string;
  /** Form-level names read: field keys and repeating-group keys. */
  readonly reads: ReadonlySet<string>;
  /** Inside a repeating group: the row's fields read through `item` ('all' when `item` is read whole). */
  readonly itemReads: ReadonlySet<string> | 'all';
}

export interface LayoutNodeInfo {
  readonly id: string;
  /** The ids of the nodes whose `visibleWhen` gates this node, outermost first, its own last. */
  readonly gates: readonly string[];
  /** For a column of a repeating group: the group's key (the column's own rule runs per row). */
  readonly group: string | null;
}

/** A scope of evaluation: the form itself, or one row of a repeating group. */
export interface ScopePlan {
  readonly fields: ReadonlyMap<string, PlacedField>;
  /** Every rule of the scope in evaluation order. */
  readonly rules: readonly Rule[];
  /**
   * Per name (a field key; in a group a row field), the rules to re-run when it changes,
   * transitively through computed values, in evaluation order.
   */
  readonly dependents: ReadonlyMap<string, readonly Rule[]>;
  /** The computed fields' rules by field key. */
  readonly computed: ReadonlyMap<string, Rule>;
}

export interface GroupPlan extends ScopePlan {
  readonly key: string;
  readonly node: FormRepeatingGroup;
  readonly entity: EntityDefinition;
  /** Form-level names any rule of the group reads (a change to one re-runs those rules in every row). */
  readonly outerReads: ReadonlySet<string>;
  /** Per form-level name, the group's rules that read it, in evaluation order. */
  readonly outerDependents: ReadonlyMap<string, readonly Rule[]>;
}

export interface FormPlan extends ScopePlan {
  /** Layout nodes in document order (fields, containers, groups). */
  readonly nodes: readonly LayoutNodeInfo[];
  readonly visibleRules: ReadonlyMap<string, Rule>;
  readonly groups: ReadonlyMap<string, GroupPlan>;
}

/** What `compileForm` returns: the public CompiledForm plus its plan. */
export interface CompiledFormWithPlan extends CompiledForm {
  readonly plan: FormPlan;
}
