/**
 * Names in a decision model: a DRG element's, a context entry's, a knowledge model's parameter.
 * FEEL reads them in expressions, so each must read as one FEEL name (DMN 1.5, grammar rules
 * 27-30: a name start, then name parts and the additional symbols . / - ’ + *, words separated
 * by single spaces), must not be a keyword or literal on its own, and must not clash.
 */
import type { DecisionArtifact } from '@bankforge/rule-engine';

export type NameProblem =
  /** Empty. */
  | 'required'
  /** Leading, trailing or doubled spaces (FEEL could not tell the words apart from the expression). */
  | 'spaces'
  /** Starts with a digit or a symbol. */
  | 'start'
  /** A character FEEL reads as an operator (`=`, `,`, `(`...). */
  | 'character'
  /** A keyword or literal (`if`, `true`, `null`...), or starts with one that begins an expression. */
  | 'keyword'
  /** Another element (or entry, or parameter) already has it. */
  | 'taken';

const NAME_START = /^[\p{L}_?]$/u;
const NAME_PART = /^[\p{L}\p{N}\p{Mn}\p{Mc}_?\u00B7\u203F\u2040./\-’'+*]$/u;
/** A name that is one of these reads as the keyword or literal. */
const RESERVED = new Set(['and', 'or', 'then', 'else', 'return', 'satisfies', 'in', 'between', 'instance', 'of', 'true', 'false', 'null', 'if', 'for', 'some', 'every', 'function', 'external']);
/** A first word that starts an expression of its own: `if Score ...` would parse as one. */
const LEADING = new Set(['if', 'for', 'some', 'every', 'function']);

/** Why `name` cannot be a FEEL name, or null when it can. */
export function feelNameProblem(name: string): NameProblem | null {
  if (name === '') return 'required';
  if (name.trim() !== name || /\s\s/.test(name) || /[\t\n\r]/.test(name)) return 'spaces';
  const words = name.split(' ');
  const first = [...name][0]!;
  if (!NAME_START.test(first)) return 'start';
  for (const word of words) {
    if (![...word].every((ch) => NAME_PART.test(ch))) return 'character';
  }
  if (RESERVED.has(name) || LEADING.has(words[0]!)) return 'keyword';
  return null;
}

/** The kinds of element a decision model's diagram draws. */
export type ElementKind = 'decision' | 'inputData' | 'businessKnowledgeModel';

export interface ElementRef {
  kind: ElementKind;
  name: string;
}

/** Every name the model's elements, decision services and imports hold (FEEL reads them all alike). */
export function takenNames(artifact: DecisionArtifact): Set<string> {
  return new Set([
    ...(artifact.inputData ?? []).map((e) => e.name),
    ...artifact.decisions.map((e) => e.name),
    ...(artifact.businessKnowledgeModels ?? []).map((e) => e.name),
    ...(artifact.decisionServices ?? []).map((e) => e.name),
    ...(artifact.imports ?? []).map((e) => e.name),
  ]);
}

/** Why `name` cannot name an element of the model (`current`: the element being renamed, which may keep its name). */
export function elementNameProblem(artifact: DecisionArtifact, name: string, current?: ElementRef): NameProblem | null {
  const problem = feelNameProblem(name);
  if (problem !== null) return problem;
  if (current !== undefined && current.name === name) return null;
  return takenNames(artifact).has(name) ? 'taken' : null;
}

/** Why `name` cannot be one of `siblings` (a context's entries, a knowledge model's parameters), `index` being the one renamed. */
export function siblingNameProblem(name: string, siblings: readonly (string | undefined)[], index: number): NameProblem | null {
  const problem = feelNameProblem(name);
  if (problem !== null) return problem;
  return siblings.some((other, i) => i !== index && other === name) ? 'taken' : null;
}

/** `base`, else `base2`, `base3`...: the first the test does not refuse. */
export function freshName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}${n}`)) n++;
  return `${base}${n}`;
}
