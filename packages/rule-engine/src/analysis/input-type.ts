/**
 * What a decision table input declares about its values: the kind its typeRef names (through
 * item definitions) and the allowed values that bound its domain (the item definitions' and the
 * input's own `inputValues`; a value must pass all of them).
 */
import { builtinTypeName } from '../dmn/item-definition.js';
import type { DecisionTableInput, ItemDefinition } from '../dmn/model.js';

/** The kinds a typeRef can name for the analysis; `dateTime` stands for both local and zoned. */
export type DeclaredKind = 'number' | 'string' | 'boolean' | 'date' | 'dateTime';

export interface DeclaredType {
  /** null: nothing declared (or `Any`): the cells' literals decide; 'unsupported': a type the analysis does not read. */
  kind: DeclaredKind | 'unsupported' | null;
  /** Unary-tests texts every value passes. */
  allowed: string[];
}

const BUILTIN_KINDS: Record<string, DeclaredKind> = {
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  date: 'date',
  'date and time': 'dateTime',
};

/** Item definitions chain at most this deep (a cycle is a broken model; it reads as undeclared). */
const MAX_DEPTH = 16;

export function declaredType(
  input: DecisionTableInput,
  itemDefinitions: readonly ItemDefinition[],
): DeclaredType {
  const allowed: string[] = [];
  if (input.inputValues !== undefined && input.inputValues.trim() !== '') allowed.push(input.inputValues);
  let typeRef = input.typeRef?.trim();
  for (let depth = 0; typeRef !== undefined && typeRef !== '' && depth < MAX_DEPTH; depth++) {
    const builtin = builtinTypeName(typeRef);
    if (builtin !== null)
      return { kind: builtin === 'Any' ? null : (BUILTIN_KINDS[builtin] ?? 'unsupported'), allowed };
    const definition = itemDefinitions.find((d) => d.name === typeRef);
    if (definition === undefined) break;
    if (definition.isCollection === true || (definition.itemComponents?.length ?? 0) > 0)
      return { kind: 'unsupported', allowed };
    if (definition.allowedValues !== undefined && definition.allowedValues.trim() !== '')
      allowed.push(definition.allowedValues);
    typeRef = definition.typeRef?.trim();
  }
  return { kind: null, allowed };
}
