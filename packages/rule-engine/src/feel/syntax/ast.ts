/** The FEEL syntax tree. Every node carries its source span (`start` inclusive, `end` exclusive). */

export interface Span {
  start: number;
  end: number;
}

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '**';

export type TypeNode =
  | ({ kind: 'named-type'; name: string } & Span)
  | ({ kind: 'list-type'; element: TypeNode } & Span)
  | ({ kind: 'range-type'; element: TypeNode } & Span)
  | ({ kind: 'context-type'; entries: { name: string; type: TypeNode }[] } & Span)
  | ({ kind: 'function-type'; parameters: TypeNode[]; result: TypeNode } & Span);

export interface IterationContext {
  name: string;
  domain: Node;
  /** `for i in 1..n`: the end of a numeric iteration range. */
  domainEnd: Node | null;
}

export type Argument = { name: string | null; value: Node };

export type Node = Span &
  (
    | { kind: 'number'; text: string }
    | { kind: 'string'; value: string }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'null' }
    | { kind: 'temporal'; text: string }
    | { kind: 'name'; name: string }
    | { kind: 'negate'; operand: Node }
    | { kind: 'arithmetic'; operator: ArithmeticOperator; left: Node; right: Node }
    | { kind: 'comparison'; operator: ComparisonOperator; left: Node; right: Node }
    | { kind: 'and' | 'or'; left: Node; right: Node }
    | { kind: 'between'; value: Node; low: Node; high: Node }
    | { kind: 'in'; value: Node; tests: Node[] }
    | { kind: 'instance-of'; value: Node; type: TypeNode }
    | { kind: 'range'; startIncluded: boolean; low: Node; high: Node; endIncluded: boolean }
    /** `< 5`, `>= x`, `= 3`, `!= 3` as a positive unary test (a range literal in expressions). */
    | { kind: 'unary-comparison'; operator: ComparisonOperator; operand: Node }
    | { kind: 'list'; items: Node[] }
    | { kind: 'context'; entries: { key: string; value: Node; keySpan: Span }[] }
    | { kind: 'path'; target: Node; property: string }
    | { kind: 'filter'; target: Node; filter: Node }
    | { kind: 'call'; callee: Node; args: Argument[]; named: boolean }
    | { kind: 'for'; contexts: IterationContext[]; body: Node }
    | { kind: 'quantified'; quantifier: 'some' | 'every'; contexts: IterationContext[]; condition: Node }
    | { kind: 'if'; condition: Node; then: Node; else: Node }
    | { kind: 'function'; parameters: { name: string; type: TypeNode | null }[]; body: Node; external: boolean }
    /** Unary tests: `-`, or (possibly negated) comma-separated positive unary tests. */
    | { kind: 'any-input' }
    | { kind: 'unary-tests'; negated: boolean; tests: Node[] }
  );

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;
