import type { SelectOption, ValueType } from '@bankforge/data-model';
import { createContext, useContext } from 'react';
import type { DesignerLanguage } from '../form-designer/workspace/localized.js';

/** A field a condition may compare, as the designer using the builder names it. */
export interface FilterFieldChoice {
  /** The path the filter stores (`amount`, `branch.name`). */
  path: string;
  /** Undefined when only the engine knows it (a calculated field): every operator is offered. */
  type: ValueType | undefined;
  /** Its name in the designer's language, as the closed picker shows it. */
  label: string;
  /** The heading it is listed under in the picker (the entity, a join, the calculated fields). */
  group: string;
  /** A select's options, offered as the condition's values. */
  options?: readonly SelectOption[];
  /** A computed field: a new condition starts on a stored field when there is one. */
  computed?: boolean;
}

/** A value a condition may take from outside the filter (a report's parameter). */
export interface FilterParameter {
  key: string;
  label: string;
}

/** A problem of the filter, already said in the reader's language, addressed by its JSON Pointer. */
export interface FilterProblem {
  path: string;
  code: string;
  text: string;
}

/** What the designer hosting a builder tells all its parts. */
export interface FilterBuilderHost {
  problems: readonly FilterProblem[];
  language: DesignerLanguage;
  /** The id of the control at a JSON Pointer: the host's problem summary moves focus there. */
  idOf(path: string): string;
  /** Whether the fields are loaded: an unknown field is said to be missing only then. */
  fieldsLoaded: boolean;
}

export const FilterBuilderHostContext = createContext<FilterBuilderHost | null>(null);

export function useFilterHost(): FilterBuilderHost {
  const host = useContext(FilterBuilderHostContext);
  if (!host) throw new Error('useFilterHost outside a FilterBuilder');
  return host;
}

/** The problems addressed to exactly `path`. */
export function problemsAt(problems: readonly FilterProblem[], path: string): FilterProblem[] {
  return problems.filter((p) => p.path === path);
}

/** The problems addressed to `path` or anything under it. */
export function problemsUnder(problems: readonly FilterProblem[], path: string): FilterProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
}
