/**
 * The test panel's input form, built from the decision's input data: each input's kind of field
 * (from its type, through item definitions), the values a select offers, and the conversion between
 * the form's texts and the JSON inputs the engine and the test cases take.
 */
import type { DecisionArtifact, ItemDefinition } from '@bankforge/rule-engine';

/** `text`: times and durations as ISO text; `json`: structured and list inputs. */
export type InputKind = 'number' | 'string' | 'boolean' | 'date' | 'dateTime' | 'text' | 'json';

export interface InputField {
  /** The input data's name (`import.name` for an imported one), as the inputs name it. */
  name: string;
  kind: InputKind;
  /** A string input's allowed values: the field is a select. */
  options?: string[];
}

/** The form's text of each field, by input name. */
export type FormValues = Record<string, string>;

export type InputError = 'number' | 'json';

const BUILTIN_KINDS: Record<string, InputKind> = {
  number: 'number',
  decimal: 'number',
  integer: 'number',
  int: 'number',
  long: 'number',
  double: 'number',
  string: 'string',
  boolean: 'boolean',
  date: 'date',
  'date and time': 'dateTime',
  dateTime: 'dateTime',
  time: 'text',
  duration: 'text',
  'days and time duration': 'text',
  'years and months duration': 'text',
  dayTimeDuration: 'text',
  yearMonthDuration: 'text',
};

/** Item definitions naming each other deeper than this are not followed (a cycle). */
const MAX_TYPE_DEPTH = 16;
const STRING_LIST = /^\s*"(?:[^"\\]|\\.)*"\s*(?:,\s*"(?:[^"\\]|\\.)*"\s*)*$/;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/g;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The strings of a unary-tests text that only lists string literals (`"approve","review"`), else undefined. */
export function stringOptions(unaryTests: string | undefined): string[] | undefined {
  if (unaryTests === undefined || !STRING_LIST.test(unaryTests)) return undefined;
  return (unaryTests.match(STRING_LITERAL) ?? []).map((literal) => JSON.parse(literal) as string);
}

/** The kind of field for a type reference, and its allowed values, following item definitions. */
function resolveType(
  typeRef: string | undefined,
  definitions: readonly ItemDefinition[],
): { kind: InputKind; allowed?: string } {
  let ref = typeRef;
  let allowed: string | undefined;
  for (let depth = 0; ref !== undefined && depth < MAX_TYPE_DEPTH; depth++) {
    const builtin = BUILTIN_KINDS[ref];
    if (builtin !== undefined) return { kind: builtin, ...(allowed === undefined ? {} : { allowed }) };
    const name = ref;
    const definition = definitions.find((d) => d.name === name);
    if (!definition || definition.isCollection === true || (definition.itemComponents?.length ?? 0) > 0)
      return { kind: 'json' };
    allowed ??= definition.allowedValues;
    ref = definition.typeRef;
  }
  // No type: what the analyst types is taken as text.
  return { kind: ref === undefined ? 'text' : 'json' };
}

/** The allowed values of a table input column that reads exactly this input (`inputValues`). */
function columnValues(artifact: DecisionArtifact, name: string): string | undefined {
  for (const logic of [
    ...artifact.decisions.map((d) => d.logic),
    ...(artifact.businessKnowledgeModels ?? []).map((b) => b.body),
  ]) {
    if (logic?.kind !== 'decisionTable') continue;
    const column = logic.inputs.find(
      (input) => input.expression.trim() === name && input.inputValues !== undefined,
    );
    if (column) return column.inputValues;
  }
  return undefined;
}

/** One field per input data of the model, in its order. */
export function inputFields(artifact: DecisionArtifact): InputField[] {
  const definitions = artifact.itemDefinitions ?? [];
  return (artifact.inputData ?? []).map((input) => {
    const name = input.import === undefined ? input.name : `${input.import}.${input.name}`;
    const { kind, allowed } = resolveType(input.typeRef, definitions);
    const options = kind === 'string' ? stringOptions(allowed ?? columnValues(artifact, name)) : undefined;
    return options ? { name, kind, options } : { name, kind };
  });
}

/** The form's texts for given inputs (a test case's, say). */
export function formValues(
  fields: readonly InputField[],
  inputs: Readonly<Record<string, unknown>>,
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = inputs[field.name];
    if (value === undefined || value === null) values[field.name] = '';
    else if (field.kind === 'json' || typeof value === 'object') values[field.name] = JSON.stringify(value);
    else values[field.name] = String(value);
  }
  return values;
}

/** A number as JSON: a number when it round-trips exactly, else its decimal text (money keeps every digit). */
function numberValue(text: string): number | string {
  const n = Number(text);
  return String(n) === text ? n : text;
}

/**
 * The JSON inputs of the form's texts; an empty field is left out (the input is null). A number
 * that is not one, or JSON that does not parse, is an error of that field.
 */
export function inputsOf(
  fields: readonly InputField[],
  values: Readonly<FormValues>,
): { inputs: Record<string, unknown>; errors: Record<string, InputError> } {
  const inputs: Record<string, unknown> = {};
  const errors: Record<string, InputError> = {};
  for (const field of fields) {
    const raw = values[field.name] ?? '';
    // Strings are taken as typed; spaces around anything else are a slip.
    const text = field.kind === 'string' || field.kind === 'text' ? raw : raw.trim();
    if (text === '') continue;
    switch (field.kind) {
      case 'number':
        if (DECIMAL.test(text)) inputs[field.name] = numberValue(text);
        else errors[field.name] = 'number';
        break;
      case 'boolean':
        inputs[field.name] = text === 'true';
        break;
      case 'dateTime':
        // The browser's date-time field leaves out the seconds FEEL's date and time wants.
        inputs[field.name] = /T\d\d:\d\d$/.test(text) ? `${text}:00` : text;
        break;
      case 'json':
        try {
          inputs[field.name] = JSON.parse(text) as unknown;
        } catch {
          errors[field.name] = 'json';
        }
        break;
      default:
        inputs[field.name] = text;
    }
  }
  return { inputs, errors };
}
