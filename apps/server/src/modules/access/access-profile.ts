import type { ArtifactKind } from '../artifacts/artifact-kinds.js';
import type { MaskSpec } from './masking.js';
import { DATA_SCOPES, RECORD_OPERATIONS, type DataScope, type DesignerRight, type RecordOperation, type RoleDefinition } from './role.js';

/** How one field shows to one person: in clear, masked or not at all, and whether they may write it. */
export interface FieldView {
  see: 'clear' | 'masked' | 'none';
  write: boolean;
  mask?: MaskSpec;
}

const CLEAR: FieldView = { see: 'clear', write: true };
const SEE_RANK = { none: 0, masked: 1, clear: 2 } as const;

/** An entity's access as plain data: what a worker thread rebuilds it from. */
export interface EntityAccessSnapshot {
  scopes: [RecordOperation, DataScope][];
  fields: [string, FieldView][];
  unmask: boolean;
}

/** One person's rights on one entity, merged over their roles. */
export class EntityAccess {
  constructor(
    private readonly scopes: ReadonlyMap<RecordOperation, DataScope>,
    private readonly fields: ReadonlyMap<string, FieldView>,
    readonly unmask: boolean,
  ) {}

  static readonly unrestricted = new EntityAccess(new Map(RECORD_OPERATIONS.map((op) => [op, 'all'])), new Map(), true);

  /** The same access in another thread (an import's worker), from `snapshot`. */
  static fromSnapshot(snapshot: EntityAccessSnapshot): EntityAccess {
    return new EntityAccess(new Map(snapshot.scopes), new Map(snapshot.fields), snapshot.unmask);
  }

  /** The access as plain data, for a worker thread. */
  get snapshot(): EntityAccessSnapshot {
    return { scopes: [...this.scopes], fields: [...this.fields], unmask: this.unmask };
  }

  /** The widest scope any role grants for the operation; undefined when none grants it. */
  scope(operation: RecordOperation): DataScope | undefined {
    return this.scopes.get(operation);
  }

  /**
   * How a field shows. A field derived from another (`derivedFrom`: a birth date read from a
   * resident ID) that no role rules on itself is masked or hidden with its source, or the mask
   * of the source would be undone by reading the derived field beside it.
   */
  field(key: string, derivedFrom?: string): FieldView {
    const own = this.fields.get(key);
    if (own || derivedFrom === undefined || derivedFrom === key) return own ?? CLEAR;
    const source = this.fields.get(derivedFrom);
    if (!source || source.see === 'clear') return CLEAR;
    return source.see === 'none' ? { see: 'none', write: false } : { see: 'masked', write: source.write };
  }

  /**
   * The same access limited to `operations`, each at most `widest` (an API key's scope): field
   * rules and unmasking stay as the roles made them.
   */
  narrowed(operations: ReadonlySet<RecordOperation>, widest: DataScope): EntityAccess {
    const scopes = new Map<RecordOperation, DataScope>();
    for (const [op, scope] of this.scopes) {
      if (operations.has(op)) scopes.set(op, DATA_SCOPES.indexOf(scope) <= DATA_SCOPES.indexOf(widest) ? scope : widest);
    }
    return new EntityAccess(scopes, this.fields, this.unmask);
  }

  get restrictsFields(): boolean {
    return this.fields.size > 0;
  }
}

/**
 * The union of a person's roles: an operation is allowed if any role allows it, with the widest
 * scope any grants; a field is as visible and as writable as the most generous role makes it
 * (a role that grants the entity without a rule for the field shows it in clear).
 */
export class AccessProfile {
  private readonly entities = new Map<string, EntityAccess>();

  constructor(
    readonly roles: readonly RoleDefinition[],
    readonly admin: boolean,
  ) {}

  static readonly unrestricted = new AccessProfile([], true);
  static readonly none = new AccessProfile([], false);

  entity(key: string): EntityAccess {
    if (this.admin) return EntityAccess.unrestricted;
    let access = this.entities.get(key);
    if (!access) this.entities.set(key, (access = this.merge(key)));
    return access;
  }

  /** Administrators, and roles granted `auditLog`, read the audit log and verify its chain. */
  get canReadAuditLog(): boolean {
    return this.admin || this.roles.some((role) => role.auditLog === true);
  }

  /** May start cases of the flow (on records they may update). */
  canStartFlow(flowKey: string): boolean {
    return this.admin || this.roles.some((role) => (role.flows && Object.hasOwn(role.flows, flowKey) ? role.flows[flowKey]!.includes('start') : false));
  }

  /** May evaluate the published decision through the API, and read its evaluation log. */
  canEvaluateDecision(decisionKey: string): boolean {
    return this.admin || this.roles.some((role) => (role.decisions && Object.hasOwn(role.decisions, decisionKey) ? role.decisions[decisionKey]!.includes('evaluate') : false));
  }

  canDesign(kind: ArtifactKind, right: DesignerRight): boolean {
    return this.admin || this.roles.some((role) => role.artifacts?.[kind]?.includes(right) ?? false);
  }

  private merge(key: string): EntityAccess {
    const grants = this.roles.flatMap((role) => {
      const grant = role.entities && Object.hasOwn(role.entities, key) ? role.entities[key] : undefined;
      return grant ? [grant] : [];
    });
    const scopes = new Map<RecordOperation, DataScope>();
    for (const op of RECORD_OPERATIONS) {
      for (const grant of grants) {
        const scope = grant[op];
        const current = scopes.get(op);
        if (scope && (!current || DATA_SCOPES.indexOf(scope) > DATA_SCOPES.indexOf(current))) scopes.set(op, scope);
      }
    }
    const fields = new Map<string, FieldView>();
    const ruled = new Set(grants.flatMap((grant) => Object.keys(grant.fields ?? {})));
    for (const field of ruled) {
      let merged: FieldView | undefined;
      for (const grant of grants) {
        const rule = grant.fields && Object.hasOwn(grant.fields, field) ? grant.fields[field] : undefined;
        const view: FieldView = !rule
          ? CLEAR
          : rule.access === 'hidden'
            ? { see: 'none', write: false }
            : rule.access === 'readonly'
              ? { see: 'clear', write: false }
              : { see: 'masked', write: true, ...(rule.mask ? { mask: rule.mask } : {}) };
        merged = !merged
          ? view
          : { ...(SEE_RANK[view.see] > SEE_RANK[merged.see] ? view : merged), write: merged.write || view.write };
      }
      if (merged && (merged.see !== 'clear' || !merged.write)) fields.set(field, merged);
    }
    return new EntityAccess(scopes, fields, grants.some((grant) => grant.unmask === true));
  }
}
